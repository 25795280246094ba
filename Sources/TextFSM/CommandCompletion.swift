/// The index's `[[ ]]` command completion, as CliTable reads it: `sh[[ow]]`
/// stands for `sh`, `sho` and `show`, so operators may abbreviate commands.
///
/// CliTable finds each `[[...]]` with the lazy Python pattern `\[\[.+?\]\]`:
/// at least one character between the brackets, ending at the first `]]`
/// after it. The word inside is taken literally, character by character;
/// regex syntax inside the brackets is not supported (a `(` there would
/// unbalance the pattern, as it does in Python).
public enum CommandCompletion {
    /// The command as a pattern: `ab[[xyz]]` becomes `ab(x(y(z)?)?)?`.
    public static func pattern(_ written: String) -> String {
        rewrite(written) { word in
            // Python: '(' + '('.join(word) + ')?' * len(word)
            "(" + word.map { String($0) }.joined(separator: "(") + String(repeating: ")?", count: word.count)
        }
    }

    /// The command spelled out in full: `sh[[ow]] ver[[sion]]` becomes `show version`.
    public static func fullSpelling(_ written: String) -> String {
        rewrite(written) { word in String(String.UnicodeScalarView(word)) }
    }

    /// Replaces every completion group with `replacement(word)`, where the
    /// word is the group's characters as Python code points.
    private static func rewrite(_ written: String, _ replacement: ([Unicode.Scalar]) -> String) -> String {
        let scalars = Array(written.unicodeScalars)
        var output = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            if let close = closingBrackets(in: scalars, openingAt: index) {
                output.append(contentsOf: replacement(Array(scalars[(index + 2)..<close])).unicodeScalars)
                index = close + 2
            } else {
                output.append(scalars[index])
                index += 1
            }
        }
        return String(output)
    }

    /// Where the `]]` closing a group opened at `start` begins, or nil when no
    /// group opens there. The word needs at least one character, so the
    /// search for `]]` starts one past the opening brackets; like Python's
    /// `.`, the word cannot span a `\n`.
    private static func closingBrackets(in scalars: [Unicode.Scalar], openingAt start: Int) -> Int? {
        let first = start + 2
        guard first < scalars.count, scalars[start] == "[", scalars[start + 1] == "[", scalars[first] != "\n" else {
            return nil
        }
        var close = first + 1
        while close + 1 < scalars.count, scalars[close] != "\n" {
            if scalars[close] == "]" && scalars[close + 1] == "]" { return close }
            close += 1
        }
        return nil
    }
}
