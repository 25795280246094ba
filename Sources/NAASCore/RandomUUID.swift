/// A new version-4 UUID in lowercase text, the form of request and job ids.
/// Drawn from the system generator (`getrandom`), because Foundation's
/// `UUID()` here opens, reads and closes /dev/urandom for every id, three
/// system calls on every request.
public enum RandomUUID {
    private static let hexDigits = Array("0123456789abcdef".utf8)

    public static func string() -> String {
        var generator = SystemRandomNumberGenerator()
        var bytes = withUnsafeBytes(of: (generator.next() as UInt64, generator.next() as UInt64)) { Array($0) }
        bytes[6] = (bytes[6] & 0x0F) | 0x40  // version 4
        bytes[8] = (bytes[8] & 0x3F) | 0x80  // RFC 4122 variant
        var text: [UInt8] = []
        text.reserveCapacity(36)
        for (index, byte) in bytes.enumerated() {
            if index == 4 || index == 6 || index == 8 || index == 10 { text.append(UInt8(ascii: "-")) }
            text.append(hexDigits[Int(byte >> 4)])
            text.append(hexDigits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}
