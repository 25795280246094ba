/// The longest run of plain characters every match of a Python pattern must
/// contain, such as `Interface` in `^\s+Interface\s+${NAME}`.
///
/// Most of a template's rules fail on most lines. Looking for the run in the
/// line's bytes is far cheaper than a call into the regular expression
/// engine, so a line without it is refused before the engine sees it. Only
/// characters at the top level of the pattern count (not inside a group or
/// class, not before a quantifier), and none at all when the pattern has a
/// top-level `|` or inline flags (`(?i)` would let the text differ in case).
struct RequiredLiteral: Sendable {
    /// The run, as UTF-8: a code point matches only itself, so its bytes must appear.
    let bytes: [UInt8]

    init?(python source: [Unicode.Scalar]) {
        var longest = String.UnicodeScalarView()
        var run = String.UnicodeScalarView()
        var index = 0
        func endRun() {
            if run.count > longest.count { longest = run }
            run = String.UnicodeScalarView()
        }
        while index < source.count {
            let scalar = source[index]
            var literal: Unicode.Scalar?
            var length = 1
            switch scalar {
            case "|":
                return nil
            case "(":
                if index + 2 < source.count, source[index + 1] == "?", "aiLmsux-".unicodeScalars.contains(source[index + 2]) {
                    return nil
                }
                guard let close = Self.groupEnd(in: source, from: index) else { return nil }
                length = close + 1 - index
            case "[":
                guard let close = Self.classEnd(in: source, from: index) else { return nil }
                length = close + 1 - index
            case "\\":
                guard index + 1 < source.count else { return nil }
                let escaped = source[index + 1]
                // `\.` is a dot; `\s`, `\1`, `\n` and the like are not one fixed character.
                if escaped.isASCII, !escaped.properties.isAlphabetic, escaped.properties.numericType == nil {
                    literal = escaped
                }
                length = 2
            case "{":
                length = Self.braceQuantifierLength(in: source, from: index) ?? 1
            case ".", "^", "$", "*", "+", "?", "}", ")":
                break
            default:
                literal = scalar
            }
            index += length
            let quantified = index < source.count && "*+?{".unicodeScalars.contains(source[index])
            if let literal, !quantified {
                run.append(literal)
            } else {
                endRun()
            }
        }
        endRun()
        guard !longest.isEmpty else { return nil }
        bytes = Array(String(longest).utf8)
    }

    /// Whether `line` (UTF-8) contains the run.
    func isFound(in line: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = bytes.count
        guard line.count >= count, let first = bytes.first else { return false }
        var start = 0
        let last = line.count - count
        while start <= last {
            if line[start] == first {
                var offset = 1
                while offset < count, line[start + offset] == bytes[offset] { offset += 1 }
                if offset == count { return true }
            }
            start += 1
        }
        return false
    }

    /// The length of `{m}`, `{m,}`, `{,n}` or `{m,n}` at `start`; nil where the
    /// brace is a literal, as Python reads it.
    private static func braceQuantifierLength(in source: [Unicode.Scalar], from start: Int) -> Int? {
        var index = start + 1
        var digits = 0
        while index < source.count, source[index] == "," || ("0"..."9").contains(source[index]) {
            if source[index] != "," { digits += 1 }
            index += 1
        }
        guard digits > 0, index < source.count, source[index] == "}" else { return nil }
        return index + 1 - start
    }

    /// The index of the `)` that closes the group opened at `start`.
    private static func groupEnd(in source: [Unicode.Scalar], from start: Int) -> Int? {
        var depth = 0
        var index = start
        while index < source.count {
            switch source[index] {
            case "\\": index += 1
            case "[":
                guard let close = classEnd(in: source, from: index) else { return nil }
                index = close
            case "(": depth += 1
            case ")":
                depth -= 1
                if depth == 0 { return index }
            default: break
            }
            index += 1
        }
        return nil
    }

    /// The index of the `]` that closes the class opened at `start`, as Python reads it.
    private static func classEnd(in source: [Unicode.Scalar], from start: Int) -> Int? {
        var index = start + 1
        if index < source.count, source[index] == "^" { index += 1 }
        // A `]` first in the class is a literal.
        if index < source.count, source[index] == "]" { index += 1 }
        while index < source.count {
            switch source[index] {
            case "\\": index += 1
            case "]": return index
            default: break
            }
            index += 1
        }
        return nil
    }
}
