/// Where inside an operation a change was found, built up while walking down the
/// document: `POST /v2/send-command` + `request.body` + `host`.
struct FieldLocation: CustomStringConvertible {
    /// `METHOD /path`, or a bare path for path-level changes.
    let operation: String
    /// Dotted field path inside the operation; empty for the operation itself.
    let field: String

    init(operation: String, field: String = "") {
        self.operation = operation
        self.field = field
    }

    /// A named child (`request.body` → `request.body.host`).
    func child(_ name: String) -> FieldLocation {
        FieldLocation(operation: operation, field: field.isEmpty ? name : "\(field).\(name)")
    }

    /// The elements of an array (`commands` → `commands[]`).
    var items: FieldLocation { FieldLocation(operation: operation, field: field + "[]") }

    /// The values of a map's additional properties (`labels` → `labels.*`).
    var additionalProperties: FieldLocation { child("*") }

    /// A variant of the same field (`request.body` → `request.body[application/xml]`).
    func qualified(_ qualifier: String) -> FieldLocation {
        FieldLocation(operation: operation, field: "\(field)[\(qualifier)]")
    }

    var description: String { field.isEmpty ? operation : "\(operation) \(field)" }
}
