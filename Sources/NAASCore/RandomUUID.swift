/// A new version-4 UUID in lowercase text, the form of request and job ids.
/// Drawn from the system generator (`getrandom`), because Foundation's
/// `UUID()` here opens, reads and closes /dev/urandom for every id, three
/// system calls on every request.
public enum RandomUUID {
    public static func string() -> String {
        var generator = SystemRandomNumberGenerator()
        var bytes = withUnsafeBytes(of: (generator.next() as UInt64, generator.next() as UInt64)) { Array($0) }
        bytes[6] = (bytes[6] & 0x0F) | 0x40  // version 4
        bytes[8] = (bytes[8] & 0x3F) | 0x80  // RFC 4122 variant
        return [0..<4, 4..<6, 6..<8, 8..<10, 10..<16].map { HexText.lowercase(bytes[$0]) }.joined(separator: "-")
    }
}
