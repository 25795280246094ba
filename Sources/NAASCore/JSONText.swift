/// Compact JSON text written byte by byte. The hot paths (a job's stored
/// spec and login, log lines, API responses) write JSON this way instead of
/// through Foundation's `JSONEncoder`, which cost a submission several times
/// more than the bytes it produced.
public enum JSONText {
    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// Appends `text` as a JSON string, quotes included.
    public static func appendQuoted(_ text: String, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { bytes in
            // Runs of bytes that need no escape are copied at once; most strings are one run.
            var runStart = 0
            for index in bytes.indices where needsEscape(bytes[index]) {
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                appendEscaped(bytes[index], to: &output)
                runStart = index + 1
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...]))
        }
        output.append(UInt8(ascii: "\""))
    }

    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\")
    }

    private static func appendEscaped(_ byte: UInt8, to output: inout [UInt8]) {
        switch byte {
        case UInt8(ascii: "\""): output.append(contentsOf: #"\""#.utf8)
        case UInt8(ascii: "\\"): output.append(contentsOf: #"\\"#.utf8)
        case UInt8(ascii: "\n"): output.append(contentsOf: #"\n"#.utf8)
        case UInt8(ascii: "\r"): output.append(contentsOf: #"\r"#.utf8)
        case UInt8(ascii: "\t"): output.append(contentsOf: #"\t"#.utf8)
        default:
            output.append(contentsOf: #"\u00"#.utf8)
            output.append(hexDigits[Int(byte >> 4)])
            output.append(hexDigits[Int(byte & 0x0F)])
        }
    }

    /// A JSON number; JSON has no NaN or infinity, so those become `null`.
    public static func append(_ number: Double, to output: inout [UInt8]) {
        output.append(contentsOf: (number.isFinite ? number.description : "null").utf8)
    }
}

/// One JSON object, its fields in the order they are added. Optional values
/// that are nil are left out, as `Codable`'s synthesized encoding does, so
/// the text decodes with the same `Decodable` conformance.
public struct JSONObjectWriter {
    public private(set) var bytes: [UInt8]
    private var isEmpty = true

    public init(capacity: Int = 128) {
        bytes = []
        bytes.reserveCapacity(capacity)
        bytes.append(UInt8(ascii: "{"))
    }

    public mutating func add(_ key: String, _ value: String?) {
        add(key, value) { JSONText.appendQuoted($0, to: &$1) }
    }

    public mutating func add(_ key: String, _ value: Int?) {
        add(key, value) { $1.append(contentsOf: String($0).utf8) }
    }

    public mutating func add(_ key: String, _ value: Double?) {
        add(key, value) { JSONText.append($0, to: &$1) }
    }

    public mutating func add(_ key: String, _ value: Bool?) {
        add(key, value) { $1.append(contentsOf: ($0 ? "true" : "false").utf8) }
    }

    private mutating func add<Value>(_ key: String, _ value: Value?, _ write: (Value, inout [UInt8]) -> Void) {
        guard let value else { return }
        addKey(key)
        write(value, &bytes)
    }

    public mutating func add(_ key: String, _ values: [String]) {
        addKey(key)
        bytes.append(UInt8(ascii: "["))
        for (index, value) in values.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            JSONText.appendQuoted(value, to: &bytes)
        }
        bytes.append(UInt8(ascii: "]"))
    }

    public mutating func add(_ key: String, object: JSONObjectWriter) {
        addRaw(key, object.finished)
    }

    /// A field whose value is JSON text already written.
    public mutating func addRaw(_ key: String, _ json: [UInt8]) {
        addKey(key)
        bytes.append(contentsOf: json)
    }

    /// The object's text, closing brace included.
    public var finished: [UInt8] { bytes + [UInt8(ascii: "}")] }

    private mutating func addKey(_ key: String) {
        if !isEmpty { bytes.append(UInt8(ascii: ",")) }
        isEmpty = false
        JSONText.appendQuoted(key, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
    }
}
