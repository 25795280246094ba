/// A Python `re` pattern rewritten for ICU (NSRegularExpression), with the
/// names of its capture groups kept aside.
///
/// ICU rejects what Python accepts in five places the ntc-templates corpus
/// uses: `(?P<name>` (ICU names allow no `_`, so names are dropped and groups
/// mapped by number, which the rewrite does not change), `{,n}`, a brace that
/// is not a quantifier, a quantified lookaround, and `[` inside a class. It
/// also reads `\Z` differently. One construct is rewritten for speed alone
/// (`RepeatedRun`). Everything else is passed through unchanged.
struct PythonPattern: Sendable {
    /// The pattern in ICU syntax.
    let icuPattern: String
    /// The name of each capture group, by group number minus one (nil when unnamed).
    let groupNames: [String?]

    init(_ python: String) throws(PatternError) {
        var translator = Translator(Array(python.unicodeScalars))
        try translator.run()
        icuPattern = String(translator.output)
        groupNames = translator.groupNames
    }
}

/// Why a Python pattern cannot be used, in the words Python's `re` would use.
struct PatternError: Error, Sendable, Equatable {
    let message: String
}

private struct Translator {
    private enum Group {
        case capturing
        case other
        /// A lookahead or lookbehind, and where its text starts in `output`.
        case lookaround(start: String.UnicodeScalarView.Index)
    }

    private let source: [Unicode.Scalar]
    private var position = 0
    private var groups: [Group] = []
    private(set) var output = String.UnicodeScalarView()
    private(set) var groupNames: [String?] = []

    /// Flags such as `(?x)` change what a character means anywhere in the pattern.
    private let hasInlineFlags: Bool

    init(_ source: [Unicode.Scalar]) {
        self.source = source
        hasInlineFlags = source.indices.contains { index in
            index + 2 < source.count && source[index] == "(" && source[index + 1] == "?"
                && "aiLmsux-".unicodeScalars.contains(source[index + 2])
        }
    }

    private func peek(_ offset: Int = 0) -> Unicode.Scalar? {
        let index = position + offset
        return index < source.count ? source[index] : nil
    }

    private mutating func emit(_ text: String) {
        output.append(contentsOf: text.unicodeScalars)
    }

    mutating func run() throws(PatternError) {
        while let scalar = peek() {
            switch scalar {
            case "\\": try copyEscape(inClass: false)
            case "[": try copyClass()
            case "(": try openGroup()
            case ")": try closeGroup()
            case "{": copyBrace()
            case "}":
                emit("\\}")
                position += 1
            default:
                output.append(scalar)
                position += 1
            }
        }
        if !groups.isEmpty { throw PatternError(message: "missing ), unterminated subpattern") }
    }

    private mutating func copyEscape(inClass: Bool) throws(PatternError) {
        guard let escaped = peek(1) else { throw PatternError(message: "bad escape (end of pattern)") }
        position += 2
        switch escaped {
        // Python's \Z is the very end; ICU's \Z also allows a final line break.
        case "Z" where !inClass: emit("\\z")
        default:
            output.append("\\")
            output.append(escaped)
        }
    }

    /// Copies a character class. Python reads `[` and a lone `&` or `-` inside
    /// a class as literals; ICU reads them as nested sets and set operators.
    private mutating func copyClass() throws(PatternError) {
        emit("[")
        position += 1
        if peek() == "^" {
            emit("^")
            position += 1
        }
        // A `]` first in the class is a literal in Python.
        if peek() == "]" {
            emit("\\]")
            position += 1
        }
        while let scalar = peek() {
            switch scalar {
            case "\\": try copyEscape(inClass: true)
            case "]":
                emit("]")
                position += 1
                return
            case "[", "&":
                emit("\\" + String(scalar))
                position += 1
            case "-" where peek(1) == "-":
                emit("-\\-")
                position += 2
            default:
                output.append(scalar)
                position += 1
            }
        }
        throw PatternError(message: "unterminated character set")
    }

    private mutating func openGroup() throws(PatternError) {
        guard peek(1) == "?" else {
            groupNames.append(nil)
            if !hasInlineFlags, let run = RepeatedRun(in: source, at: position) {
                emit(run.replacement)
                position = run.end
                return
            }
            groups.append(.capturing)
            emit("(")
            position += 1
            return
        }
        switch (peek(2), peek(3)) {
        case ("P", "<"):
            position += 4
            let name = try readName(until: ">")
            guard !groupNames.contains(name) else { throw PatternError(message: "redefinition of group name '\(name)'") }
            groupNames.append(name)
            groups.append(.capturing)
            emit("(")
        case ("P", "="):
            position += 4
            let name = try readName(until: ")")
            guard let index = groupNames.firstIndex(of: name) else { throw PatternError(message: "unknown group name '\(name)'") }
            // Wrapped so a digit after the reference cannot extend its number.
            emit("(?:\\\(index + 1))")
        case ("=", _), ("!", _):
            groups.append(.lookaround(start: output.endIndex))
            emit("(?" + String(peek(2)!))
            position += 3
        case ("<", "="), ("<", "!"):
            groups.append(.lookaround(start: output.endIndex))
            emit("(?<" + String(peek(3)!))
            position += 4
        case ("#", _):
            // A comment: dropped, since nothing in it can matter to ICU.
            while let scalar = peek(), scalar != ")" { position += 1 }
            guard peek() == ")" else { throw PatternError(message: "missing ), unterminated comment") }
            position += 1
        case (":", _), (">", _):
            groups.append(.other)
            emit("(?" + String(peek(2)!))
            position += 3
        default:
            try copyInlineFlags()
        }
    }

    /// `(?flags)` applies to the whole pattern, `(?flags:...)` to a group.
    private mutating func copyInlineFlags() throws(PatternError) {
        var flags = ""
        var index = position + 2
        while index < source.count, "aiLmsux-".unicodeScalars.contains(source[index]) {
            flags.unicodeScalars.append(source[index])
            index += 1
        }
        guard !flags.isEmpty, index < source.count, source[index] == ")" || source[index] == ":" else {
            let shown = peek(2).map { String($0) } ?? ""
            throw PatternError(message: "unknown extension ?\(shown)")
        }
        // ICU has no ASCII-only (a) or locale (L) flag; the corpus uses neither.
        let icuFlags = flags.filter { "imsux-".contains($0) }
        if source[index] == ":" { groups.append(.other) }
        emit("(?" + icuFlags + String(source[index]))
        position = index + 1
    }

    private mutating func readName(until terminator: Unicode.Scalar) throws(PatternError) -> String {
        var name = String.UnicodeScalarView()
        while let scalar = peek(), scalar != terminator {
            name.append(scalar)
            position += 1
        }
        guard peek() == terminator else { throw PatternError(message: "missing \(terminator), unterminated name") }
        position += 1
        let text = String(name)
        guard text.isPythonIdentifier else { throw PatternError(message: "bad character in group name '\(text)'") }
        return text
    }

    private mutating func closeGroup() throws(PatternError) {
        guard let group = groups.popLast() else { throw PatternError(message: "unbalanced parenthesis") }
        emit(")")
        position += 1
        guard case .lookaround(let start) = group, let quantifier = quantifierLength() else { return }
        // Python lets a lookaround be repeated; ICU does not. Once is the same
        // as one or more times; a repeat that allows zero times always succeeds.
        let allowsZero = peek() == "*" || peek() == "?" || (peek() == "{" && peek(1) == "0") || (peek() == "{" && peek(1) == ",")
        position += quantifier
        if peek() == "?" || peek() == "+" { position += 1 }
        if allowsZero { output.removeSubrange(start..<output.endIndex) }
    }

    /// The length of a quantifier at the current position, if there is one.
    private func quantifierLength() -> Int? {
        switch peek() {
        case "*", "+", "?": 1
        case "{": braceQuantifier().map { $0.length }
        default: nil
        }
    }

    /// `{m}`, `{m,}`, `{m,n}` or `{,n}` at the current position, as Python reads it.
    private func braceQuantifier() -> (minimum: String, maximum: String?, length: Int)? {
        var index = position + 1
        var minimum = ""
        while index < source.count, ("0"..."9").contains(source[index]) {
            minimum.unicodeScalars.append(source[index])
            index += 1
        }
        var maximum: String?
        if index < source.count, source[index] == "," {
            index += 1
            var digits = ""
            while index < source.count, ("0"..."9").contains(source[index]) {
                digits.unicodeScalars.append(source[index])
                index += 1
            }
            maximum = digits
        }
        guard index < source.count, source[index] == "}" else { return nil }
        if minimum.isEmpty && maximum == nil { return nil }
        return (minimum, maximum, index + 1 - position)
    }

    /// A quantifier is written the way ICU accepts; any other brace is a literal, as in Python.
    private mutating func copyBrace() {
        guard let quantifier = braceQuantifier() else {
            emit("\\{")
            position += 1
            return
        }
        let minimum = quantifier.minimum.isEmpty ? "0" : quantifier.minimum
        switch quantifier.maximum {
        case nil: emit("{\(minimum)}")
        case ""?: emit("{\(minimum),}")
        case let maximum?: emit("{\(minimum),\(maximum)}")
        }
        position += quantifier.length
    }
}

extension String {
    /// Python's `str.isidentifier()`, close enough for group names: a letter
    /// or `_`, then letters, digits or `_`.
    var isPythonIdentifier: Bool {
        guard let first = unicodeScalars.first, first == "_" || first.properties.isAlphabetic else { return false }
        return unicodeScalars.dropFirst().allSatisfy {
            $0 == "_" || $0.properties.isAlphabetic || $0.properties.numericType == .decimal
        }
    }
}
