/// A repeated group of repeated single characters at the end of a pattern,
/// like ntc-templates' separator-line rule `^(\s*-*)*\s*$$`.
///
/// `(\s*-*)*` can split a run of spaces and dashes in exponentially many
/// ways, and a backtracking engine tries them all when the line does not
/// match (a 60-character line that almost matches took seconds, in Python as
/// in ICU). `([\s\-]*)` matches the same texts in linear time. The two differ
/// only in what the group captures and in the order the engine tries end
/// positions, so the rewrite is made only where neither can show: the group
/// is unnamed (it is a capture either way, so later group numbers are kept)
/// and only `$`, `\s*$` or nothing follows it, which accepts or refuses an end
/// position alone.
struct RepeatedRun {
    /// The ICU text that replaces the run.
    let replacement: String
    /// Where the pattern continues after the run.
    let end: Int

    /// The run starting with the `(` at `start`, if there is one there.
    init?(in source: [Unicode.Scalar], at start: Int) {
        guard source[start] == "(" else { return nil }
        var index = start + 1
        var members = ""
        while index < source.count, source[index] != ")" {
            guard let (member, length) = Self.member(in: source, at: index) else { return nil }
            index += length
            guard index < source.count, source[index] == "*" else { return nil }
            index += 1
            members += member
        }
        guard !members.isEmpty, index + 1 < source.count, source[index] == ")", source[index + 1] == "*" else { return nil }
        index += 2
        let rest = String(String.UnicodeScalarView(source[index...]))
        guard rest.isEmpty || rest == "$" || rest == "\\s*$" else { return nil }
        replacement = "([" + members + "]*)"
        end = index
    }

    /// One single-character item of the group, written for inside an ICU class.
    private static func member(in source: [Unicode.Scalar], at index: Int) -> (String, Int)? {
        let scalar = source[index]
        if scalar == "\\" {
            guard index + 1 < source.count else { return nil }
            let escaped = source[index + 1]
            if "sSdDwW".unicodeScalars.contains(escaped) || (escaped.isASCII && !escaped.properties.isAlphabetic
                && escaped.properties.numericType == nil) {
                return ("\\" + String(escaped), 2)
            }
            return nil
        }
        guard !"\\.^$*+?{}[]|()".unicodeScalars.contains(scalar), !scalar.properties.isWhitespace else { return nil }
        let alphanumeric = scalar.properties.isAlphabetic || scalar.properties.numericType != nil
        return (alphanumeric ? String(scalar) : "\\" + String(scalar), 1)
    }
}
