import Foundation

/// A Python pattern compiled once for ICU, matched the way Python's
/// `re.match` does: anchored at the start of the line, not at its end.
struct CompiledPattern: @unchecked Sendable {
    // NSRegularExpression is immutable once built and safe to share across threads.
    private let expression: NSRegularExpression
    /// The name of each capture group, by group number minus one.
    let groupNames: [String?]
    /// Text every match contains, looked for before the engine is called.
    private let requiredLiteral: RequiredLiteral?

    init(python: String) throws(PatternError) {
        let translated = try PythonPattern(python)
        do {
            expression = try NSRegularExpression(pattern: translated.icuPattern)
        } catch {
            throw PatternError(message: "not accepted by the regular expression engine: \(translated.icuPattern)")
        }
        groupNames = translated.groupNames
        requiredLiteral = RequiredLiteral(python: Array(python.unicodeScalars))
    }

    var groupCount: Int { groupNames.count }

    /// The groups of a match at the start of `line`, or nil when it does not match.
    func match(_ line: MatchLine) -> PatternMatch? {
        if let requiredLiteral, !line.utf8.withUnsafeBufferPointer(requiredLiteral.isFound) {
            return nil
        }
        guard let result = expression.firstMatch(in: line.text, options: .anchored, range: line.fullRange) else {
            return nil
        }
        return PatternMatch(result: result, line: line)
    }
}

/// A line prepared once for every pattern tried on it.
struct MatchLine {
    let text: String
    let utf8: [UInt8]
    let fullRange: NSRange

    init(_ text: String) {
        self.text = text
        self.utf8 = Array(text.utf8)
        self.fullRange = NSRange(location: 0, length: text.utf16.count)
    }
}

/// One successful match: what each group captured, or nil when it took no part.
struct PatternMatch {
    fileprivate let result: NSTextCheckingResult
    fileprivate let line: MatchLine

    /// The text of group `number` (1-based), or nil when the group did not take part.
    func group(_ number: Int) -> String? {
        let range = result.range(at: number)
        guard range.location != NSNotFound, let bounds = Range(range, in: line.text) else { return nil }
        return String(line.text[bounds])
    }
}
