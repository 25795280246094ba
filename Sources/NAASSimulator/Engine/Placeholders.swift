extension String {
    /// The text with each `{key}` of `values` replaced by its value, in one
    /// pass: a value is never scanned again, and braces around anything else
    /// stay as they are. Every reply goes through this, so it avoids the
    /// generic string search and replacement of the standard library.
    func filled(_ values: [String: String]) -> String {
        let bytes = Array(utf8)
        guard bytes.contains(UInt8(ascii: "{")) else { return self }
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "{"),
               let close = bytes[(index + 1)...].firstIndex(of: UInt8(ascii: "}")),
               let value = values[String(decoding: bytes[(index + 1)..<close], as: UTF8.self)] {
                result += value.utf8
                index = close + 1
            } else {
                result.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: result, as: UTF8.self)
    }
}
