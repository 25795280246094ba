import NAASCore
import Testing
@testable import NAASDevice

/// Configuration jobs on scripted devices: commit inside configuration mode,
/// exit questions, refusals, rejected lines, save questions.
@Suite struct ConfigFlowTests {
    /// A Junos-like device that stages lines in a candidate.
    static func junosLike(commitOutput: String = "commit complete") -> ScriptedDevice {
        var configuring = false
        var staged = false
        var exiting = false
        return ScriptedDevice(greeting: "ops@mx1> ") { line in
            if exiting {
                exiting = false
                configuring = false
                return "\(line)\r\nExiting configuration mode\r\n\r\nops@mx1> "
            }
            let prompt = configuring ? "\r\n[edit]\r\nops@mx1# " : "\r\nops@mx1> "
            switch line {
            case "configure":
                configuring = true
                return "configure\r\nEntering configuration mode\r\n\r\n[edit]\r\nops@mx1# "
            case "commit":
                staged = false
                return "commit\r\n\(commitOutput)\r\n\r\n[edit]\r\nops@mx1# "
            case "exit configuration-mode":
                if staged {
                    exiting = true
                    return "exit configuration-mode\r\nThe configuration has been changed but not committed\r\nExit with uncommitted changes? [yes,no] (yes) "
                }
                configuring = false
                return "exit configuration-mode\r\nExiting configuration mode\r\n\r\nops@mx1> "
            case let set where set.hasPrefix("set bogus"):
                return "\(set)\r\n                ^\r\nsyntax error.\(prompt)"
            default:
                if configuring { staged = true }
                return line + prompt
            }
        }
    }

    @Test func commitHappensBeforeLeavingConfigurationMode() async throws {
        let device = Self.junosLike()
        let session = try await DeviceSession.scripted(device, platform: .juniperJunos)
        _ = try await session.configure(["set system host-name mx1"], save: false, commit: true)
        let order = device.typed.drop { !$0.hasPrefix("configure") }
        #expect(Array(order) == ["configure", "set system host-name mx1", "commit", "exit configuration-mode"])
        #expect(session.currentPrompt == "ops@mx1>")
    }

    @Test func leavingWithUncommittedChangesAnswersTheQuestion() async throws {
        let device = Self.junosLike()
        let session = try await DeviceSession.scripted(device, platform: .juniperJunos)
        _ = try await session.configure(["set system host-name mx1"], save: false, commit: false)
        #expect(!device.typed.contains("commit"))
        #expect(device.typed.last == "yes")
        #expect(session.currentPrompt == "ops@mx1>")
    }

    @Test func aCommitWithoutItsSuccessMarkerIsRejectedWithTheDevicesReason() async throws {
        let device = Self.junosLike(commitOutput: "error: configuration check-out failed\r\nerror: commit failed: (missing mandatory statements)")
        let session = try await DeviceSession.scripted(device, platform: .juniperJunos)
        do {
            _ = try await session.configure(["set interfaces ge-0/0/1 unit 0"], save: false, commit: true)
            Issue.record("the commit was taken as done")
        } catch {
            #expect(error.code == .configRejected)
            #expect(error.message.contains("configuration check-out failed"))
        }
    }

    @Test func aRejectedLineStopsTheJobAndNothingAfterItIsSent() async throws {
        let device = Self.junosLike()
        let session = try await DeviceSession.scripted(device, platform: .juniperJunos)
        do {
            _ = try await session.configure(["set system host-name a", "set bogus line", "set system host-name b"], save: false, commit: true)
            Issue.record("the rejected line was accepted")
        } catch {
            #expect(error.code == .configRejected)
            #expect(error.message.contains("set bogus line"))
            #expect(error.message.contains("syntax error"))
        }
        #expect(!device.typed.contains("set system host-name b"))
        #expect(!device.typed.contains("commit"))
    }

    @Test func aRefusedExitIsFollowedByTheDiscardCommand() async throws {
        var configuring = false
        let device = ScriptedDevice(greeting: "vyos@vy1:~$ ") { line in
            switch line {
            case "configure":
                configuring = true
                return "configure\r\n[edit]\r\nvyos@vy1# "
            case "exit":
                return "exit\r\nCannot exit: configuration modified.\r\nUse 'exit discard' to discard the changes and exit.\r\n[edit]\r\nvyos@vy1# "
            case "exit discard":
                configuring = false
                return "exit discard\r\nexit\r\nvyos@vy1:~$ "
            default:
                return line + (configuring ? "\r\n[edit]\r\nvyos@vy1# " : "\r\nvyos@vy1:~$ ")
            }
        }
        let session = try await DeviceSession.scripted(device, platform: .vyos)
        _ = try await session.configure(["set system host-name vy1"], save: false, commit: false)
        #expect(device.typed.suffix(2) == ["exit", "exit discard"])
        #expect(session.currentPrompt == "vyos@vy1:~$")
    }

    @Test func saveQuestionsAreAnsweredWithASingleKey() async throws {
        var saving = false
        let device = ScriptedDevice(greeting: "es1 #") { line in
            if saving {
                saving = false
                return "\r\nConfiguration Saved!\r\nes1 #"
            }
            if line == "copy running-config startup-config" {
                saving = true
                return "\(line)\r\nAre you sure you want to save? (y/n) "
            }
            return "\(line)\r\n" + (line == "configure" ? "es1(config)#" : "es1 #")
        }
        let platform = Platform(
            name: "dell-like", prompt: .init(pattern: #"^\w+ ?(?:\(config\))?#$"#),
            config: .init(enter: "configure", exit: "end"), save: Platform.dellPowerConnect.save)
        let session = try await DeviceSession.scripted(device, platform: platform)
        let transcript = try await session.configure(["vlan 10"], save: true, commit: false)
        #expect(device.typed.suffix(2) == ["copy running-config startup-config", "y"])
        #expect(transcript.contains("Configuration Saved!"))
    }
}
