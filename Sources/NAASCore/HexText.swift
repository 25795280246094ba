/// Bytes as lowercase hexadecimal text: digests, tokens, fingerprints.
/// Written by table, since `String(format: "%02x")` per byte made hashing
/// an API key cost a sixth of an authenticated request.
public enum HexText {
    private static let digits = Array("0123456789abcdef".utf8)

    public static func lowercase(_ bytes: some Sequence<UInt8>) -> String {
        var text: [UInt8] = []
        text.reserveCapacity(bytes.underestimatedCount * 2)
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}
