/// The comma-separated table an index file holds, read the way TextTable's
/// `CsvToTable` reads it (textfsm 2.1), before any field means anything.
struct TemplateIndexTable {
    struct Row {
        /// The 1-based line of the index text.
        let line: Int
        let fields: [String]
    }

    let header: [String]
    let rows: [Row]

    init(source: String, name: String) throws(TemplateError) {
        // Python reads the file in text mode: `\r\n` and `\r` end lines too,
        // and only `\n` splits them after that.
        let normalized = source.replacing("\r\n", with: "\n").replacing("\r", with: "\n")
        var lines = normalized.split(separator: "\n", omittingEmptySubsequences: false)
        // A final line break ends the last line; it does not start an empty one.
        if lines.last?.isEmpty == true { lines.removeLast() }

        // The header is the first line with something left once everything
        // from its first `#` on is cut off.
        var headerLine: Int?
        var header: [String] = []
        for (offset, line) in lines.enumerated() {
            let content = String(String.UnicodeScalarView(line.unicodeScalars.prefix { $0 != "#" })).trimmingPythonWhitespace()
            guard !content.isEmpty else { continue }
            headerLine = offset
            header = Self.fields(of: Substring(content))
            break
        }
        guard let headerLine else {
            throw TemplateError(template: name, line: nil, message: "The index has no header line.")
        }
        var seen: Set<String> = []
        for column in header where !seen.insert(column).inserted {
            throw TemplateError(template: name, line: headerLine + 1, message: "Duplicate header entry '\(column)'.")
        }

        var rows: [Row] = []
        for offset in lines.indices.dropFirst(headerLine + 1) {
            let line = lines[offset]
            // Only a `#` in the very first column makes a comment here; one
            // after leading spaces does not (unlike the header search above).
            if line.unicodeScalars.first == "#" { continue }
            let fields = Self.fields(of: line)
            // Blank lines and rows of the wrong width are dropped without a word, as CliTable drops them.
            guard fields.count == header.count else { continue }
            rows.append(Row(line: offset + 1, fields: fields))
        }
        self.header = header
        self.rows = rows
    }

    /// The line split at every `,` (no quoting), each field stripped as
    /// Python's `str.strip()` strips. Code points, not characters, so a
    /// combining mark after a comma cannot hide it.
    private static func fields(of line: Substring) -> [String] {
        line.unicodeScalars.split(separator: ",", omittingEmptySubsequences: false).map {
            String(String.UnicodeScalarView($0)).trimmingPythonWhitespace()
        }
    }
}
