import Foundation
import Testing
@testable import NAASCore

@Suite struct PlatformTests {
    /// The device types the catalogue promises, with Netmiko's aliases.
    static let netmikoNames: [String: [String]] = [
        "cisco_ios": ["cisco_xe"], "cisco_nxos": [], "cisco_xr": [], "cisco_asa": [], "arista_eos": [],
        "juniper_junos": ["juniper"], "hp_procurve": ["aruba_procurve"], "hp_comware": [], "huawei": [],
        "dell_force10": ["dell_os9"], "dell_os10": [], "dell_powerconnect": [], "paloalto_panos": [],
        "fortinet": [], "mikrotik_routeros": [], "vyos": [], "ubiquiti_edgeswitch": [], "extreme_exos": [],
        "ruckus_fastiron": ["brocade_fastiron"], "linux": [],
    ]

    @Test(arguments: netmikoNames.keys.sorted())
    func everyCataloguedNameAndAliasResolves(_ name: String) {
        #expect(Platform.named(name)?.name == name)
        for alias in Self.netmikoNames[name] ?? [] {
            #expect(Platform.named(alias)?.name == name, "alias \(alias)")
        }
    }

    @Test func unknownNamesResolveToNothing() {
        #expect(Platform.named("cisco_iox") == nil)
        #expect(PlatformSelection(name: "juniper_srx") == nil)
        // Telnet only where the platform takes it.
        #expect(PlatformSelection(name: "fortinet_telnet") == nil)
        #expect(PlatformSelection(name: "generic") == nil)
    }

    @Test func telnetNamesSelectTelnetOnPort23() {
        guard case .platform(let platform, .telnet)? = PlatformSelection(name: "cisco_xe_telnet") else {
            Issue.record("cisco_xe_telnet did not select Telnet")
            return
        }
        #expect(platform.name == "cisco_ios")
        #expect(DeviceTransportKind.telnet.defaultPort == 23)
        #expect(PlatformSelection(name: "cisco_ios")?.transport == .ssh)
        #expect(PlatformSelection(name: "autodetect") == .autodetect)
    }

    @Test func acceptedNamesHoldEveryNameAliasTelnetNameAndAutodetect() {
        let names = Platform.acceptedNames
        #expect(names == names.sorted())
        #expect(Set(names).count == names.count)
        #expect(names.contains("autodetect"))
        #expect(names.contains("aruba_procurve_telnet"))
        #expect(!names.contains("mikrotik_routeros_telnet"))
        for name in names { #expect(PlatformSelection(name: name) != nil, "\(name)") }
    }

    @Test func everyPatternInTheTableCompiles() throws {
        for platform in Platform.all + [.generic] {
            var patterns = [platform.prompt.pattern, platform.prompt.base] + platform.failurePatterns
            patterns += platform.pagers.map(\.pattern) + platform.login.questions.map(\.pattern)
            patterns += platform.autodetect.flatMap(\.patterns)
            if let enable = platform.enable { patterns += [enable.passwordPrompt] + [enable.usernamePrompt].compactMap { $0 } }
            if let config = platform.config { patterns += config.exitQuestions.map(\.pattern) }
            if let commit = platform.commit { patterns += commit.failurePatterns + commit.questions.map(\.pattern) + [commit.successMarker].compactMap { $0 } }
            if let save = platform.save { patterns += save.questions.map(\.pattern) + [save.successMarker].compactMap { $0 } }
            for pattern in patterns {
                #expect((try? NSRegularExpression(pattern: pattern)) != nil, "\(platform.name): \(pattern)")
            }
        }
    }

    @Test func commitPlatformsCommitInsideConfigMode() {
        let committing = Platform.all.filter { $0.commit != nil }.map(\.name).sorted()
        #expect(committing == ["cisco_xr", "juniper_junos", "paloalto_panos", "vyos"])
        #expect(Platform.all.allSatisfy { $0.commit?.insideConfigMode ?? true })
    }

    @Test func capabilitiesComeFromTheEntry() {
        #expect(Platform.juniperJunos.capabilities == .init(enable: false, config: true, save: false, commit: true, telnet: true, autodetect: true))
        #expect(Platform.mikroTikRouterOS.capabilities == .init(enable: false, config: true, save: false, commit: false, telnet: false, autodetect: false))
        #expect(Platform.ciscoIOS.capabilities.enable && Platform.ciscoIOS.capabilities.save)
    }

    @Test func credentialsNeverDescribeTheirSecrets() {
        let credentials = Credentials(username: "ops", password: "s3cr3t-pw", enableSecret: "en-s3cr3t")
        for text in ["\(credentials)", String(describing: credentials), String(reflecting: credentials)] {
            #expect(!text.contains("s3cr3t"))
            #expect(text.contains("ops"))
        }
    }

    @Test func retryableCodes() {
        #expect(DeviceErrorCode.connectionTimeout.isRetryable)
        #expect(!DeviceErrorCode.authFailure.isRetryable)
        #expect(!DeviceErrorCode.configRejected.isRetryable)
        #expect(!DeviceErrorCode.autodetectFailed.isRetryable)
        #expect(!DeviceErrorCode.autodetectFailed.isUnreachable)
    }
}
