import Foundation
import Testing
import NAASCore

@Suite struct RandomUUIDTests {
    @Test func isALowercaseVersion4UUID() throws {
        let text = RandomUUID.string()
        let uuid = try #require(UUID(uuidString: text))
        #expect(uuid.uuidString.lowercased() == text)
        let bytes = withUnsafeBytes(of: uuid.uuid) { Array($0) }
        #expect(bytes[6] >> 4 == 4)
        #expect(bytes[8] >> 6 == 0b10)
    }

    @Test func idsDoNotRepeat() {
        let ids = (0..<10_000).map { _ in RandomUUID.string() }
        #expect(Set(ids).count == ids.count)
    }
}
