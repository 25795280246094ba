@testable import TextFSM

/// Rows written the way Python's `json.dumps` writes them, so expectations
/// read exactly as the reference implementation prints its result.
enum PythonJSON {
    static func rows(_ table: ParsedTable) -> String {
        "[" + table.rows.map { "[" + $0.map(value).joined(separator: ", ") + "]" }.joined(separator: ", ") + "]"
    }

    static func value(_ value: FieldValue) -> String {
        switch value {
        case .string(let text): "\"" + text.replacing("\\", with: "\\\\").replacing("\"", with: "\\\"") + "\""
        case .null: "null"
        case .list(let items): "[" + items.map(Self.value).joined(separator: ", ") + "]"
        case .group(let fields): "{" + fields.map { "\"\($0.name)\": " + Self.value($0.value) }.joined(separator: ", ") + "}"
        }
    }

    /// Parses `input` with a template given as its text.
    static func parse(_ template: String, _ input: String) throws -> String {
        rows(try Template(source: template, name: "test.textfsm").parse(input))
    }
}
