/// One record a template parsed out of a command's output: its columns in the
/// order the template declares its Values, named in lower case as
/// ntc-templates' `parse_output` and Netmiko name them.
public typealias ParsedRecord = [RecordField]

/// A named cell: a record's column, or a member of a nested group.
public struct RecordField: Sendable, Equatable {
    public let name: String
    public let value: RecordValue

    public init(name: String, value: RecordValue) {
        self.name = name
        self.value = value
    }
}

/// A parsed cell, shaped as Python TextFSM leaves it. NAASCore knows no
/// template engine: the worker translates the engine's cells into these.
public indirect enum RecordValue: Sendable, Equatable {
    /// A captured string; a Value that never matched is the empty string.
    case string(String)
    /// Python's `None`: a `List` item whose group did not take part in the match.
    case null
    /// A `List` Value: one item per assignment.
    case list([RecordValue])
    /// A `List` item of a Value whose regex has nested named groups.
    case group([RecordField])
}

// Stored as JSON. A field is a `[name, value]` pair and a group an object
// holding its pairs, so the template's column order survives a round trip
// (JSON objects promise no order) and a group is never mistaken for a list.
extension RecordField: Codable {
    public init(from decoder: any Decoder) throws {
        var pair = try decoder.unkeyedContainer()
        name = try pair.decode(String.self)
        value = try pair.decode(RecordValue.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var pair = encoder.unkeyedContainer()
        try pair.encode(name)
        try pair.encode(value)
    }
}

extension RecordValue: Codable {
    private enum GroupKey: String, CodingKey {
        case group
    }

    public init(from decoder: any Decoder) throws {
        if let group = try? decoder.container(keyedBy: GroupKey.self) {
            self = .group(try group.decode([RecordField].self, forKey: .group))
            return
        }
        let single = try decoder.singleValueContainer()
        if single.decodeNil() {
            self = .null
        } else if let text = try? single.decode(String.self) {
            self = .string(text)
        } else {
            self = .list(try single.decode([RecordValue].self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .group(let fields):
            var group = encoder.container(keyedBy: GroupKey.self)
            try group.encode(fields, forKey: .group)
        case .string(let text):
            var single = encoder.singleValueContainer()
            try single.encode(text)
        case .null:
            var single = encoder.singleValueContainer()
            try single.encodeNil()
        case .list(let items):
            var single = encoder.singleValueContainer()
            try single.encode(items)
        }
    }
}
