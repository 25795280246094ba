/// A new version-4 UUID in lowercase text, the form of request and job ids.
/// Drawn with one `getrandom` call, because Foundation's `UUID()` here opens,
/// reads and closes /dev/urandom for every id, three system calls on every
/// request.
public enum RandomUUID {
    public static func string() -> String {
        var bytes = SystemRandom.bytes(16)
        bytes[6] = (bytes[6] & 0x0F) | 0x40  // version 4
        bytes[8] = (bytes[8] & 0x3F) | 0x80  // RFC 4122 variant
        var text: [UInt8] = []
        text.reserveCapacity(36)
        for group in [0..<4, 4..<6, 6..<8, 8..<10, 10..<16] {
            if !text.isEmpty { text.append(UInt8(ascii: "-")) }
            HexText.append(bytes[group], to: &text)
        }
        return String(decoding: text, as: UTF8.self)
    }
}
