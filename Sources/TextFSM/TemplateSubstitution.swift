/// Python `string.Template.substitute` over a rule: `$$` is `$`, `$NAME` and
/// `${NAME}` are a Value's pattern, and any other `$` is an error.
enum TemplateSubstitution {
    static func substitute(_ text: String, values: [String: String]) -> String? {
        var output = String.UnicodeScalarView()
        let scalars = Array(text.unicodeScalars)
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            guard scalar == "$" else {
                output.append(scalar)
                index += 1
                continue
            }
            index += 1
            guard index < scalars.count else { return nil }
            if scalars[index] == "$" {
                output.append("$")
                index += 1
            } else if scalars[index] == "{" {
                let name = identifier(in: scalars, from: index + 1)
                let close = index + 1 + name.unicodeScalars.count
                guard !name.isEmpty, close < scalars.count, scalars[close] == "}", let pattern = values[name] else {
                    return nil
                }
                output.append(contentsOf: pattern.unicodeScalars)
                index = close + 1
            } else {
                let name = identifier(in: scalars, from: index)
                guard !name.isEmpty, let pattern = values[name] else { return nil }
                output.append(contentsOf: pattern.unicodeScalars)
                index += name.unicodeScalars.count
            }
        }
        return String(output)
    }

    /// The longest ASCII identifier (`[_A-Za-z][_A-Za-z0-9]*`) starting at `start`.
    private static func identifier(in scalars: [Unicode.Scalar], from start: Int) -> String {
        var name = String.UnicodeScalarView()
        var index = start
        while index < scalars.count, scalars[index].isASCII {
            let scalar = scalars[index]
            let isLetter = scalar == "_" || ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
            guard isLetter || (!name.isEmpty && ("0"..."9").contains(scalar)) else { break }
            name.append(scalar)
            index += 1
        }
        return String(name)
    }
}
