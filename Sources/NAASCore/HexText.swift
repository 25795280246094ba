/// Bytes as lowercase hexadecimal text: digests, tokens, fingerprints.
/// Written by table, since `String(format: "%02x")` per byte made hashing
/// an API key cost a sixth of an authenticated request; inlinable, so that
/// callers in other modules iterate their own digest type without a generic
/// call per byte.
public enum HexText {
    @usableFromInline static let digits: [UInt8] = Array("0123456789abcdef".utf8)

    @inlinable
    public static func lowercase(_ bytes: some Sequence<UInt8>) -> String {
        var text: [UInt8] = []
        text.reserveCapacity(bytes.underestimatedCount * 2)
        append(bytes, to: &text)
        return String(decoding: text, as: UTF8.self)
    }

    /// Appends the hex digits of `bytes` to `text`.
    @inlinable
    public static func append(_ bytes: some Sequence<UInt8>, to text: inout [UInt8]) {
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
    }
}
