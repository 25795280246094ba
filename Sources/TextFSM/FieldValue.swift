/// One cell of a parsed table, shaped as Python TextFSM leaves it.
public indirect enum FieldValue: Sendable, Hashable {
    /// A captured string; a Value that never matched is the empty string.
    case string(String)
    /// Python's `None`: a `List` item whose group did not take part in the
    /// match, or a nested group that did not.
    case null
    /// A `List` Value: one item per assignment.
    case list([FieldValue])
    /// A `List` item from a Value whose regex has nested named groups.
    case group([Field])

    /// Python's truthiness, which `Required` and `Fillup` test.
    var isTruthy: Bool {
        switch self {
        case .string(let text): !text.isEmpty
        case .null: false
        case .list(let items): !items.isEmpty
        case .group(let fields): !fields.isEmpty
        }
    }
}

/// A named cell: a record's column, or a member of a nested group.
public struct Field: Sendable, Hashable {
    public let name: String
    public let value: FieldValue

    public init(name: String, value: FieldValue) {
        self.name = name
        self.value = value
    }
}
