import NAASCore
import Testing
@testable import NAASDevice

@Suite struct PromptMatcherTests {
    let cisco = PromptMatcher(platform: .ciscoIOS)
    let linux = PromptMatcher(platform: .linux)

    @Test(arguments: ["sw1>", "sw1#", "sw1(config)#", "sw1(config-if)#", "core-01.lab#"])
    func recognisesIOSPrompts(_ prompt: String) {
        #expect(cisco.trailingPrompt(in: "output\r\n\(prompt)") == prompt)
    }

    @Test(arguments: ["Building configuration...", "% Invalid input detected at '^' marker.", "interface Gi0/1", "", "#####"])
    func ignoresIOSOutputLines(_ line: String) {
        #expect(cisco.trailingPrompt(in: "x\r\n\(line)") == nil)
    }

    @Test func basePromptDropsTerminatorAndMode() {
        #expect(cisco.basePrompt(of: "sw1>") == "sw1")
        #expect(cisco.basePrompt(of: "sw1(config-vlan)#") == "sw1")
        #expect(linux.basePrompt(of: "naas@host:~$") == "host")
    }

    @Test func userModeIsTheUnprivilegedTerminator() {
        #expect(cisco.isUserMode("sw1>"))
        #expect(!cisco.isUserMode("sw1#"))
        #expect(linux.isUserMode("naas@host:~$"))
        #expect(!linux.isUserMode("root@host:~#"))
    }

    @Test func promptOfAnotherDeviceDoesNotEndOutput() {
        #expect(!cisco.endsWithPrompt("x\r\nother#", base: "sw1"))
        #expect(cisco.endsWithPrompt("x\r\nsw1(config)#", base: "sw1"))
    }

    @Test func linuxPromptWithEscapes() {
        #expect(linux.trailingPrompt(in: "hi\r\n\u{1B}[?2004h\u{1B}[01;32mnaas@h\u{1B}[00m:~$ ") == "naas@h:~$")
    }

    /// Each platform's prompts at every level, the base they share, and an output line that is no prompt.
    struct Case: Sendable, CustomTestStringConvertible {
        let platform: Platform
        let prompts: [String]
        let base: String
        let notPrompt: String
        var testDescription: String { platform.name }
    }

    static let cases: [Case] = [
        Case(platform: .ciscoNXOS, prompts: ["nx1#", "nx1(config)#", "nx1(config-if)#"], base: "nx1", notPrompt: "Nexus 9000v Chassis"),
        Case(platform: .ciscoXR, prompts: ["RP/0/RP0/CPU0:xr1#", "RP/0/RP0/CPU0:xr1(config)#", "RP/0/RP0/CPU0:xr1(config-if)#"],
             base: "RP/0/RP0/CPU0:xr1", notPrompt: "Cisco IOS XR Software, Version 7.3.2"),
        Case(platform: .ciscoASA, prompts: ["asa1>", "asa1#", "asa1(config)#"], base: "asa1", notPrompt: "Hardware:   ASA5506"),
        Case(platform: .aristaEOS, prompts: ["eos1>", "eos1#", "eos1(config)#", "eos1(config-if-Et1)#"], base: "eos1", notPrompt: "Arista vEOS"),
        Case(platform: .juniperJunos, prompts: ["ops@mx1>", "ops@mx1#", "ops@mx1:RE:0%"], base: "ops@mx1", notPrompt: "[edit]"),
        Case(platform: .hpProCurve, prompts: ["hp1>", "hp1#", "hp1(config)#", "hp1(vlan-10)#"], base: "hp1", notPrompt: "Image stamp: /ws/swbuildm/code/build"),
        Case(platform: .hpComware, prompts: ["<cw1>", "[cw1]", "[cw1-GigabitEthernet1/0/1]"], base: "cw1", notPrompt: "HPE Comware Software"),
        Case(platform: .huawei, prompts: ["<hw1>", "[hw1]", "[~hw1]", "[*hw1-vlan10]"], base: "hw1", notPrompt: "[V200R003C00]x"),
        Case(platform: .dellForce10, prompts: ["f10>", "f10#", "f10(conf)#"], base: "f10", notPrompt: "Dell Networking OS Version : 9.14"),
        Case(platform: .dellOS10, prompts: ["os10#", "os10(config)#"], base: "os10", notPrompt: "OS Version: 10.5.2.0"),
        Case(platform: .dellPowerConnect, prompts: ["pc1>", "pc1#", "pc1(config)#"], base: "pc1", notPrompt: "PowerConnect 6224"),
        Case(platform: .paloAltoPANOS, prompts: ["admin@pa1>", "admin@pa1#", "admin@pa1(active)>"], base: "admin@pa1", notPrompt: "model: PA-VM"),
        Case(platform: .fortinet, prompts: ["fgt1 #", "fgt1 $", "fgt1 (interface) #", "fgt1 (port1) #"], base: "fgt1", notPrompt: "Version: FortiGate-VM64 v7.0.12"),
        Case(platform: .mikroTikRouterOS, prompts: ["[admin@mt1] >", "[admin@mt1] /interface>"], base: "[admin@mt1]", notPrompt: "uptime: 1d2h"),
        Case(platform: .vyos, prompts: ["vyos@vy1:~$", "vyos@vy1#"], base: "vyos@vy1", notPrompt: "[edit]"),
        Case(platform: .ubiquitiEdgeSwitch, prompts: ["(es1) >", "(es1) #", "(es1) (Config)#", "(es1) (Interface 0/1)#"], base: "(es1)", notPrompt: "EdgeSwitch 24-Port"),
        Case(platform: .extremeEXOS, prompts: ["x1.1 #", "* x1.12 #", "x1.3 >"], base: "x1", notPrompt: "ExtremeXOS version 31.7"),
        Case(platform: .ruckusFastIron, prompts: ["SSH@icx1>", "SSH@icx1#", "SSH@icx1(config)#", "SSH@icx1(config-if-e1000-1/1/1)#"], base: "SSH@icx1", notPrompt: "ICX7250-24"),
    ]

    @Test(arguments: cases)
    func recognisesEveryLevelByItsBase(_ testCase: Case) {
        let matcher = PromptMatcher(platform: testCase.platform)
        for prompt in testCase.prompts {
            #expect(matcher.trailingPrompt(in: "output\r\n\(prompt) ") == prompt, "\(prompt)")
            #expect(matcher.endsWithPrompt("x\r\n\(prompt)", base: testCase.base), "\(prompt)")
        }
        #expect(matcher.basePrompt(of: testCase.prompts[0]) == testCase.base)
        #expect(matcher.trailingPrompt(in: "x\r\n\(testCase.notPrompt)") == nil)
    }
}

@Suite struct GenericPromptTests {
    let generic = PromptMatcher(platform: .generic)

    @Test(arguments: [
        ("* x1.12 #", "x1"), ("<hw1>", "hw1"), ("[admin@mt1] >", "admin@mt1"), ("admin@pa1>", "admin@pa1"),
        ("RP/0/RP0/CPU0:xr1#", "RP/0/RP0/CPU0:xr1"), ("(es1) >", "es1"), ("fgt1 #", "fgt1"), ("sw1>", "sw1"),
    ])
    func theBaseIsTheLeadingName(_ prompt: String, _ base: String) {
        #expect(generic.trailingPrompt(in: "x\r\n\(prompt)") == prompt)
        #expect(generic.basePrompt(of: prompt) == base)
    }

    @Test func aCountingPromptStillEndsTheNextRead() {
        let base = generic.basePrompt(of: "x1.1 #")
        #expect(generic.endsWithPrompt("show version\r\nExtremeXOS\r\nx1.2 #", base: base))
    }
}
