import TextFSM

/// Parsed records as JSON, keys in the order of the template's Values.
///
/// Foundation's serialisers sort or scramble object keys, and a record read
/// by a person (or diffed against Python's `parse_output`) should keep the
/// columns in the order the template declares them. A string is a JSON
/// string, Python's `None` is `null`, a `List` Value is an array and a
/// nested-group item is an object.
public enum RecordJSON {
    public enum Style: Sendable, Equatable {
        /// No whitespace between tokens: one line, for storage and HTTP bodies.
        case compact
        /// Python's `json.dumps(indent=2)` layout: one member per line, `": "` between key and value.
        case pretty
    }

    /// The records as a JSON array.
    public static func string(_ records: [[Field]], style: Style = .compact) -> String {
        String(decoding: bytes(records, style: style), as: UTF8.self)
    }

    /// The records as a JSON array, UTF-8 encoded.
    public static func bytes(_ records: [[Field]], style: Style = .compact) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(128 * max(1, records.count))
        append(records, to: &output, style: style)
        return output
    }

    /// Appends the records as a JSON array, for embedding in a larger document
    /// (`depth` is the nesting level the array starts at, for `.pretty`).
    public static func append(_ records: [[Field]], to output: inout [UInt8], style: Style = .compact, depth: Int = 0) {
        var writer = Writer(output: output, pretty: style == .pretty)
        output = []
        writer.records(records, depth: depth)
        output = writer.output
    }

    /// Appends one cell's value as JSON.
    public static func append(_ value: FieldValue, to output: inout [UInt8], style: Style = .compact, depth: Int = 0) {
        var writer = Writer(output: output, pretty: style == .pretty)
        output = []
        writer.value(value, depth: depth)
        output = writer.output
    }
}

private struct Writer {
    var output: [UInt8]
    let pretty: Bool

    mutating func records(_ records: [[Field]], depth: Int) {
        open(UInt8(ascii: "["))
        for (index, record) in records.enumerated() {
            element(index, depth: depth)
            object(record, depth: depth + 1)
        }
        close(UInt8(ascii: "]"), count: records.count, depth: depth)
    }

    mutating func value(_ value: FieldValue, depth: Int) {
        switch value {
        case .string(let text): string(text)
        case .null: output += Self.null
        case .list(let items):
            open(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                element(index, depth: depth)
                self.value(item, depth: depth + 1)
            }
            close(UInt8(ascii: "]"), count: items.count, depth: depth)
        case .group(let fields): object(fields, depth: depth)
        }
    }

    mutating func object(_ fields: [Field], depth: Int) {
        open(UInt8(ascii: "{"))
        for (index, field) in fields.enumerated() {
            element(index, depth: depth)
            string(field.name)
            output.append(UInt8(ascii: ":"))
            if pretty { output.append(UInt8(ascii: " ")) }
            value(field.value, depth: depth + 1)
        }
        close(UInt8(ascii: "}"), count: fields.count, depth: depth)
    }

    private mutating func open(_ bracket: UInt8) {
        output.append(bracket)
    }

    /// The comma before every element but the first, then (pretty) its own indented line.
    private mutating func element(_ index: Int, depth: Int) {
        if index > 0 { output.append(UInt8(ascii: ",")) }
        newline(depth + 1)
    }

    /// Python prints an empty container as `[]` or `{}` even when indenting, and so does this.
    private mutating func close(_ bracket: UInt8, count: Int, depth: Int) {
        if count > 0 { newline(depth) }
        output.append(bracket)
    }

    private mutating func newline(_ depth: Int) {
        guard pretty else { return }
        output.append(UInt8(ascii: "\n"))
        output += repeatElement(UInt8(ascii: " "), count: 2 * depth)
    }

    private static let null = Array("null".utf8)
    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// Device output is mostly ASCII but may carry control bytes (a stray
    /// escape sequence, a tab): those are escaped, everything else is kept as UTF-8.
    mutating func string(_ text: String) {
        output.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): output += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
            case UInt8(ascii: "\\"): output += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
            case 0x0A: output += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            case 0x0D: output += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
            case 0x09: output += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
            case 0..<0x20, 0x7F:
                output += [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"),
                           Self.hexDigits[Int(byte >> 4)], Self.hexDigits[Int(byte & 0x0F)]]
            default: output.append(byte)
            }
        }
        output.append(UInt8(ascii: "\""))
    }
}
