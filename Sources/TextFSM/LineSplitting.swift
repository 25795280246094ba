extension String {
    /// The lines Python's `str.splitlines()` gives: split at `\n`, `\r\n`, `\r`,
    /// `\v`, `\f`, `\x1c`–`\x1e`, `\x85`, `\u{2028}` and `\u{2029}`; blank lines
    /// kept, no empty line after a final terminator.
    var pythonLines: [Substring] {
        var lines: [Substring] = []
        var start = unicodeScalars.startIndex
        var index = start
        let scalars = unicodeScalars
        while index < scalars.endIndex {
            let scalar = scalars[index]
            guard Self.isPythonLineBreak(scalar) else {
                index = scalars.index(after: index)
                continue
            }
            lines.append(Substring(scalars[start..<index]))
            var next = scalars.index(after: index)
            if scalar == "\r", next < scalars.endIndex, scalars[next] == "\n" {
                next = scalars.index(after: next)
            }
            start = next
            index = next
        }
        if start < scalars.endIndex {
            lines.append(Substring(scalars[start..<scalars.endIndex]))
        }
        return lines
    }

    private static func isPythonLineBreak(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A...0x0D, 0x1C...0x1E, 0x85, 0x2028, 0x2029: true
        default: false
        }
    }
}
