import NAASCore
import Testing
@testable import NAASDevice

/// The session logic against scripted devices: the same code path for every
/// platform, steered only by the platform entry.
@Suite struct DeviceSessionTests {
    /// An IOS-like device: user mode, enable with a secret, a pager until `terminal length 0`.
    static func iosLike(pagedLines: Int = 30) -> ScriptedDevice {
        var enabled = false
        var paging = true
        var askedSecret = false
        var remaining: [String] = []
        return ScriptedDevice(greeting: "\r\nsw1>") { line in
            let prompt = enabled ? "sw1#" : "sw1>"
            if askedSecret {
                askedSecret = false
                enabled = line == "en-1"
                return "\r\n" + (enabled ? "sw1#" : "% Bad secrets\r\n\r\nsw1>")
            }
            if line == " ", !remaining.isEmpty {
                let page = remaining.prefix(10)
                remaining.removeFirst(page.count)
                let erase = String(repeating: "\u{8}", count: 10) + String(repeating: " ", count: 10) + String(repeating: "\u{8}", count: 10)
                return erase + page.joined(separator: "\r\n") + "\r\n" + (remaining.isEmpty ? prompt : " --More-- ")
            }
            switch line {
            case "enable":
                askedSecret = true
                return "enable\r\nPassword: "
            case "terminal length 0":
                paging = false
                return "terminal length 0\r\n\(prompt)"
            case "show log":
                let all = (1...pagedLines).map { "log line \($0)" }
                if !paging { return "show log\r\n" + all.joined(separator: "\r\n") + "\r\n\(prompt)" }
                remaining = Array(all.dropFirst(10))
                return "show log\r\n" + all.prefix(10).joined(separator: "\r\n") + "\r\n --More-- "
            default:
                return "\(line)\r\n\(prompt)"
            }
        }
    }

    @Test func enablesThenTurnsPagingOff() async throws {
        let device = Self.iosLike()
        let session = try await DeviceSession.scripted(device, platform: .ciscoIOS)
        #expect(session.currentPrompt == "sw1#")
        #expect(device.typed == ["enable", "en-1", "terminal width 511", "terminal length 0"])
        let output = try await session.run("show log")
        #expect(output.split(separator: "\n").count == 30)
    }

    @Test func aPagerThatStillAppearsIsAnsweredAndLeavesNoTrace() async throws {
        let platform = Platform(
            name: "paging", prompt: Platform.ciscoIOS.prompt, enable: Platform.ciscoIOS.enable, pagers: [.morePager])
        let device = Self.iosLike(pagedLines: 25)
        let session = try await DeviceSession.scripted(device, platform: platform)
        let output = try await session.run("show log")
        #expect(output == (1...25).map { "log line \($0)" }.joined(separator: "\n"))
        #expect(device.typed.filter { $0 == " " }.count == 2)
    }

    @Test func aWrongEnableSecretIsAnAuthFailure() async throws {
        let device = Self.iosLike()
        await #expect(throws: DeviceFailure.self) {
            _ = try await DeviceSession.scripted(
                device, platform: .ciscoIOS, credentials: Credentials(username: "ops", password: "pw", enableSecret: "wrong"))
        }
        do {
            _ = try await DeviceSession.scripted(
                Self.iosLike(), platform: .ciscoIOS, credentials: Credentials(username: "ops", password: "pw", enableSecret: "wrong"))
        } catch {
            #expect(error.code == .authFailure)
        }
    }

    @Test func inBandLoginAnswersUsernameAndPassword() async throws {
        var stage = 0
        let device = ScriptedDevice(greeting: "\r\nUser Name:") { line in
            stage += 1
            switch stage {
            case 1: return line == "ops" ? "ops\r\nPassword:" : nil
            case 2: return line == "pw-1" ? "\r\n\r\npc1>" : "\r\nUser Name:"
            default: return "\(line)\r\npc1>"
            }
        }
        let platform = Platform(name: "inband", prompt: Platform.dellPowerConnect.prompt, login: .init(inBandOnly: true))
        let session = try await DeviceSession.scripted(device, platform: platform)
        #expect(session.currentPrompt == "pc1>")
        #expect(Array(device.typed.prefix(2)) == ["ops", "pw-1"])
    }

    @Test func aRefusedInBandLoginIsAnAuthFailure() async {
        let device = ScriptedDevice(greeting: "Username: ") { line in
            line == "ops" ? "ops\r\nPassword: " : "\r\n% Login invalid\r\n\r\nUsername: "
        }
        do {
            _ = try await DeviceSession.scripted(device, platform: .ciscoIOS)
            Issue.record("the login was accepted")
        } catch {
            #expect(error.code == .authFailure)
            #expect(!error.message.contains("pw-1"))
        }
    }

    @Test func loginQuestionsAreAnswered() async throws {
        let device = ScriptedDevice(greeting: "Copyright 2024\r\nPress any key to continue") { line in
            line.isEmpty ? "\r\nhp1>" : "\(line)\r\nhp1>"
        }
        let session = try await DeviceSession.scripted(
            device, platform: .hpProCurve, credentials: Credentials(username: "ops", password: "pw"))
        #expect(session.currentPrompt == "hp1>")
    }

    @Test func aShellLoginStepsIntoTheCLI() async throws {
        let device = ScriptedDevice(greeting: "--- JUNOS 21.4R3 built 2022-01-01\r\nroot@mx1:RE:0% ") { line in
            line == "cli" ? "cli\r\nroot@mx1> " : "\(line)\r\nroot@mx1> "
        }
        let session = try await DeviceSession.scripted(device, platform: .juniperJunos)
        #expect(device.typed.first == "cli")
        #expect(session.currentPrompt == "root@mx1>")
        #expect(try await session.run("show version") == "")
    }

    @Test func secretsNeverAppearInTimeoutMessages() {
        #expect(DeviceSession.redacted("enable en-1", ["en-1"]) == "enable ********")
    }
}
