/// The rows a template produced, in the order of its Values.
public struct ParsedTable: Sendable, Hashable {
    /// The Value names, as written in the template.
    public var header: [String]
    public var rows: [[FieldValue]]

    public init(header: [String], rows: [[FieldValue]]) {
        self.header = header
        self.rows = rows
    }

    /// The rows as records keyed by lower-cased Value names, as ntc-templates'
    /// `parse_output` and Netmiko return them.
    public var records: [[Field]] {
        let keys = header.map { $0.lowercased() }
        return rows.map { row in zip(keys, row).map { Field(name: $0, value: $1) } }
    }
}
