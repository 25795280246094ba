import Testing
import NAASCore

@Suite struct SystemRandomTests {
    @Test(arguments: [1, 12, 16, 256, 257, 4096])
    func fillsEveryByteOfBuffersOnBothSidesOfTheSystemCallsLimit(_ count: Int) {
        // A byte the generator never wrote would stay at its sentinel in every draw.
        var everDiffered = [Bool](repeating: false, count: count)
        for _ in 0..<16 {
            var buffer = [UInt8](repeating: 0xA5, count: count)
            buffer.withUnsafeMutableBytes { SystemRandom.fill($0) }
            for index in buffer.indices where buffer[index] != 0xA5 { everDiffered[index] = true }
        }
        #expect(everDiffered.allSatisfy { $0 })
    }

    @Test func drawsDoNotRepeat() {
        let draws = (0..<10_000).map { _ in SystemRandom.bytes(12) }
        #expect(draws.allSatisfy { $0.count == 12 })
        #expect(Set(draws).count == draws.count)
    }
}
