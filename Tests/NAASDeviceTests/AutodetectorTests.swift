import NAASCore
import Testing
@testable import NAASDevice

@Suite struct AutodetectorTests {
    let detector = Autodetector(platforms: Platform.all)

    @Test func theMostSharedCommandIsAskedFirst() {
        #expect(detector.commands.first == "show version")
        #expect(Set(detector.commands) == Set(Platform.all.flatMap(\.autodetect).map(\.command)))
    }

    @Test func aCertainMatchEndsTheSearch() throws {
        var asked: [String] = []
        let found = try detector.detect { command in
            asked.append(command)
            return "Arista vEOS\nHardware version: 01.00"
        }
        #expect(found?.name == "arista_eos")
        #expect(asked == ["show version"])
    }

    @Test func xeBeatsTheLowerIOSScore() throws {
        let found = try detector.detect { _ in "Cisco IOS Software [Bengaluru], Cisco IOS XE Software, Version 17.6.1" }
        #expect(found?.name == "cisco_ios")
    }

    @Test func anInvalidAnswerScoresNothingAndTheNextCommandIsTried() throws {
        var asked: [String] = []
        let found = try detector.detect { command in
            asked.append(command)
            return command == "display version" ? "Huawei Versatile Routing Platform Software" : "Error: Unrecognized command found at '^' position."
        }
        #expect(found?.name == "huawei")
        #expect(asked.first == "show version")
        #expect(asked.last == "display version")
    }

    @Test func noMatchIsNil() throws {
        #expect(try detector.detect { _ in "nothing useful" } == nil)
    }
}
