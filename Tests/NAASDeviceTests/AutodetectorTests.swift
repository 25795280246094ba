import NAASCore
import Testing
@testable import NAASDevice

@Suite struct AutodetectorTests {
    let detector = Autodetector(platforms: Platform.all)

    @Test func theMostSharedCommandIsAskedFirst() {
        #expect(detector.commands.first == "show version")
        #expect(Set(detector.commands) == Set(Platform.all.flatMap(\.autodetect).map(\.command)))
    }

    @Test func aCertainMatchEndsTheSearch() async throws {
        var asked: [String] = []
        let found = try await detector.detect { command in
            asked.append(command)
            return "Arista vEOS\nHardware version: 01.00"
        }
        #expect(found?.name == "arista_eos")
        #expect(asked == ["show version"])
    }

    @Test func xeBeatsTheLowerIOSScore() async throws {
        let found = try await detector.detect { _ in "Cisco IOS Software [Bengaluru], Cisco IOS XE Software, Version 17.6.1" }
        #expect(found?.name == "cisco_ios")
    }

    @Test func anInvalidAnswerScoresNothingAndTheNextCommandIsTried() async throws {
        var asked: [String] = []
        let found = try await detector.detect { command in
            asked.append(command)
            return command == "display version" ? "Huawei Versatile Routing Platform Software" : "Error: Unrecognized command found at '^' position."
        }
        #expect(found?.name == "huawei")
        #expect(asked.first == "show version")
        #expect(asked.last == "display version")
    }

    @Test func noMatchIsNil() async throws {
        #expect(try await detector.detect { _ in "nothing useful" } == nil)
    }
}
