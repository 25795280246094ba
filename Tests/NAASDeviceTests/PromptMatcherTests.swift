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

    @Test(arguments: ["Building configuration...", "% Invalid input detected at '^' marker.", "interface Gi0/1", ""])
    func ignoresIOSOutputLines(_ line: String) {
        #expect(cisco.trailingPrompt(in: "x\r\n\(line)") == nil)
    }

    @Test func basePromptDropsTerminatorAndMode() {
        #expect(cisco.basePrompt(of: "sw1>") == "sw1")
        #expect(cisco.basePrompt(of: "sw1(config-vlan)#") == "sw1")
        #expect(linux.basePrompt(of: "naas@host:~$") == "naas@host:~")
    }

    @Test func userModeIsTheAngleBracketPrompt() {
        #expect(cisco.isUserMode("sw1>"))
        #expect(!cisco.isUserMode("sw1#"))
        #expect(!linux.isUserMode("naas@host:~$"))
    }

    @Test func promptOfAnotherDeviceDoesNotEndOutput() {
        #expect(!cisco.endsWithPrompt("x\r\nother#", base: "sw1"))
        #expect(cisco.endsWithPrompt("x\r\nsw1(config)#", base: "sw1"))
    }

    @Test func linuxPromptWithEscapes() {
        #expect(linux.trailingPrompt(in: "hi\r\n\u{1B}[?2004h\u{1B}[01;32mnaas@h\u{1B}[00m:~$ ") == "naas@h:~$")
    }
}
