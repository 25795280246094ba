/// Matches a command line against a pattern of words.
///
/// Pattern words: a literal (abbreviations allowed when the OS takes them),
/// `*` (exactly one word), `...` (any rest, also none) and `+` (at least one more word).
/// A literal may list alternatives with `|` (`write|copy`).
struct WordPattern {
    let words: [Substring]

    init(_ pattern: String) {
        words = pattern.split(separator: " ")
    }

    /// The words matched by wildcards, or nil if the line does not match.
    func match(_ line: [Substring], abbreviations: Bool) -> [Substring]? {
        var args: [Substring] = []
        var index = 0
        for (position, word) in words.enumerated() {
            switch word {
            case "...":
                args.append(contentsOf: line[min(index, line.count)...])
                return args
            case "+":
                guard index < line.count else { return nil }
                args.append(contentsOf: line[index...])
                return args
            case "*":
                guard index < line.count else { return nil }
                args.append(line[index])
            default:
                guard index < line.count,
                      Self.literal(word, matches: line[index], abbreviations: abbreviations && position < words.count)
                else { return nil }
            }
            index += 1
        }
        return index == line.count ? args : nil
    }

    private static func literal(_ word: Substring, matches typed: Substring, abbreviations: Bool) -> Bool {
        for option in word.split(separator: "|") {
            if option == typed { return true }
            if abbreviations, !typed.isEmpty, !typed.hasPrefix("-"), option.hasPrefix(typed) { return true }
        }
        return false
    }
}

extension String {
    func trimmingSpaces() -> String {
        var text = Substring(self)
        while let first = text.first, first == " " || first == "\t" { text = text.dropFirst() }
        while let last = text.last, last == " " || last == "\t" { text = text.dropLast() }
        return String(text)
    }

    /// Splits a line into words, keeping a double-quoted phrase as one word.
    func commandWords() -> [Substring] {
        var words: [Substring] = []
        var start: String.Index?
        var quoted = false
        for index in indices {
            let char = self[index]
            if char == "\"" { quoted.toggle() }
            if char == " " && !quoted {
                if let begin = start { words.append(self[begin..<index]); start = nil }
            } else if start == nil {
                start = index
            }
        }
        if let begin = start { words.append(self[begin...]) }
        return words
    }
}
