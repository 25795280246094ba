/// Why the tables of a multi-template index row cannot be joined.
public struct TableMergeError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The text Python's TextTable raises (an `IndexError`).
    public let message: String

    public init(message: String) {
        self.message = message
    }

    public var description: String { message }
}

/// Why CliTable could not turn a command's output into one table.
public enum CliTableError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A rule's `Error` action fired in the named template.
    case rule(template: String, RuleError)
    /// The templates' tables could not be joined.
    case merge(TableMergeError)

    /// Python's text for the error, which carries no template name.
    public var description: String {
        switch self {
        case .rule(_, let error): error.message
        case .merge(let error): error.message
        }
    }
}

extension ParsedTable {
    /// Parses `text` with the templates of one index row, as CliTable's
    /// `ParseCmd` does: each template parses the whole text, and the tables
    /// are merged (see `merged`). Cells come out as CliTable stores them.
    public init(parsing text: String, with templates: [Template]) throws(CliTableError) {
        var tables: [(template: Template, table: ParsedTable)] = []
        for template in templates {
            do {
                tables.append((template, try template.parse(text)))
            } catch {
                throw .rule(template: template.name, error)
            }
        }
        do {
            self = try Self.merged(tables)
        } catch {
            throw .merge(error)
        }
    }

    /// Joins the tables of a multi-template index row (`a.textfsm:b.textfsm`)
    /// the way CliTable's `ParseCmd` and TextTable's `extend` do (textfsm 2.1):
    ///
    /// - The first table is the base. Each later table adds only the columns
    ///   the base does not have yet, after the existing ones, filled with `''`.
    /// - The join key is the `Key` Values of the first template that has any,
    ///   counting only templates up to the one being merged (CliTable picks
    ///   the keys up as it parses, so a later template's Keys count when the
    ///   first has none). Every key must be a column of the base.
    /// - With keys, each base row takes the values of the first later row
    ///   whose key cells all equal its own; a base row with no partner keeps `''`.
    /// - Without keys, rows pair by position; base rows beyond the later
    ///   table's length keep `''` and the later table's extra rows are dropped.
    /// - A later table that adds no column changes nothing.
    ///
    /// Cells are compared and returned as CliTable stores them (`cliTableCells`).
    /// With an empty list, the result is an empty table.
    public static func merged(_ tables: [(template: Template, table: ParsedTable)]) throws(TableMergeError) -> ParsedTable {
        guard let first = tables.first else { return ParsedTable(header: [], rows: []) }
        var base = first.table.cliTableCells
        var keys = first.template.keyNames
        for (template, table) in tables.dropFirst() {
            if keys.isEmpty { keys = template.keyNames }
            try base.extend(with: table.cliTableCells, keys: keys)
        }
        return base
    }

    private mutating func extend(with other: ParsedTable, keys: [String]) throws(TableMergeError) {
        for key in keys where !header.contains(key) {
            throw TableMergeError(message: "Unknown key: '\(key)'")
        }
        let added = other.header.indices.filter { !header.contains(other.header[$0]) }
        guard !added.isEmpty else { return }
        header += added.map { other.header[$0] }
        var partners: [Int?]
        if keys.isEmpty {
            partners = rows.indices.map { $0 < other.rows.count ? $0 : nil }
        } else {
            let own = keys.map { header.firstIndex(of: $0)! }
            // Python raises when it reaches a key the later table lacks,
            // which it does as soon as there are rows on both sides.
            var theirs: [Int] = []
            for key in keys {
                guard let column = other.header.firstIndex(of: key) else {
                    if rows.isEmpty || other.rows.isEmpty { break }
                    throw TableMergeError(message: "No such column \"\(key)\" in row.")
                }
                theirs.append(column)
            }
            partners = rows.map { row in
                other.rows.firstIndex { candidate in zip(own, theirs).allSatisfy { row[$0] == candidate[$1] } }
            }
        }
        for index in rows.indices {
            let values: [FieldValue] = partners[index].map { partner in added.map { other.rows[partner][$0] } }
                ?? Array(repeating: .string(""), count: added.count)
            rows[index] += values
        }
    }
}
