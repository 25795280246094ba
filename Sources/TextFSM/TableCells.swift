extension ParsedTable {
    /// The table as CliTable holds it, which is what ntc-templates'
    /// `parse_output` and Netmiko return: TextTable stores every cell with
    /// Python's `str()`, and each `List` item the same way. So a `List` item
    /// whose group took no part is the string `None`, and a nested-group item
    /// is the text of a Python dict (`{'a': 'x', 'b': None}`).
    public var cliTableCells: ParsedTable {
        ParsedTable(header: header, rows: rows.map { $0.map(Self.cliTableCell) })
    }

    /// The rows as records keyed by lower-cased Value names, built the way
    /// ntc-templates builds its dicts: when two names lower-case alike, the
    /// key stays where it first appeared and holds the later value.
    public var cliTableRecords: [[Field]] {
        let keys = header.map { $0.lowercased() }
        return rows.map { row in
            var fields: [Field] = []
            var positions: [String: Int] = [:]
            for (key, value) in zip(keys, row) {
                if let position = positions[key] {
                    fields[position] = Field(name: key, value: value)
                } else {
                    positions[key] = fields.count
                    fields.append(Field(name: key, value: value))
                }
            }
            return fields
        }
    }

    /// TextTable's `_ToStr`: a list stays a list of `str()` items; anything else becomes `str()`.
    private static func cliTableCell(_ value: FieldValue) -> FieldValue {
        switch value {
        case .list(let items): .list(items.map { .string(PythonText.str($0)) })
        default: .string(PythonText.str(value))
        }
    }
}

/// Python's `str()` and `repr()` of the values a template produces.
enum PythonText {
    static func str(_ value: FieldValue) -> String {
        switch value {
        case .string(let text): text
        default: repr(value)
        }
    }

    static func repr(_ value: FieldValue) -> String {
        switch value {
        case .string(let text): repr(text)
        case .null: "None"
        case .list(let items): "[" + items.map(repr).joined(separator: ", ") + "]"
        case .group(let fields): "{" + fields.map { repr($0.name) + ": " + repr($0.value) }.joined(separator: ", ") + "}"
        }
    }

    /// Python's `repr()` of a str: single quotes unless the text holds a `'`
    /// and no `"`; backslash escapes for the quote, `\`, and what Python
    /// deems unprintable.
    static func repr(_ text: String) -> String {
        let quote: Unicode.Scalar = text.unicodeScalars.contains("'") && !text.unicodeScalars.contains("\"") ? "\"" : "'"
        var output = String.UnicodeScalarView()
        output.append(quote)
        for scalar in text.unicodeScalars {
            switch scalar {
            case quote, "\\":
                output.append("\\")
                output.append(scalar)
            case "\t": output.append(contentsOf: "\\t".unicodeScalars)
            case "\n": output.append(contentsOf: "\\n".unicodeScalars)
            case "\r": output.append(contentsOf: "\\r".unicodeScalars)
            default:
                if isPrintable(scalar) {
                    output.append(scalar)
                } else {
                    output.append(contentsOf: escaped(scalar).unicodeScalars)
                }
            }
        }
        output.append(quote)
        return String(output)
    }

    /// Python's `str.isprintable()` for one code point: not a control,
    /// format, surrogate, private-use, unassigned or separator character,
    /// except the ASCII space.
    private static func isPrintable(_ scalar: Unicode.Scalar) -> Bool {
        if scalar == " " { return true }
        switch scalar.properties.generalCategory {
        case .control, .format, .surrogate, .privateUse, .unassigned,
             .lineSeparator, .paragraphSeparator, .spaceSeparator:
            return false
        default:
            return true
        }
    }

    private static func escaped(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16)
        switch scalar.value {
        case ..<0x100: return "\\x" + String(repeating: "0", count: 2 - hex.count) + hex
        case ..<0x10000: return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        default: return "\\U" + String(repeating: "0", count: 8 - hex.count) + hex
        }
    }
}
