import Foundation

/// Turns raw terminal bytes into the text an engineer would copy from the
/// screen, the way Netmiko cleans output: no escape sequences, no carriage
/// returns, no echoed command, no trailing prompt. Lines a device redraws in
/// place (a pager it erased, a cursor moved back) are rendered as the screen
/// shows them.
public enum TerminalText {
    // CSI sequences (colours, cursor moves, bracketed-paste toggles), OSC
    // sequences (window titles) and the two-byte ESC forms (`ESC c` resets).
    private static let escapes = try! NSRegularExpression(
        pattern: #"\x1B\[[0-9;?]*[ -/]*[@-~]|\x1B\][^\x07\x1B]*(?:\x07|\x1B\\)|\x1B[@-Z\\-_]"#)

    /// Removes terminal escape sequences.
    public static func strippingEscapes(_ text: String) -> String {
        guard text.contains("\u{1B}") else { return text }
        let range = NSRange(text.startIndex..., in: text)
        return escapes.stringByReplacingMatches(in: text, range: range, withTemplate: "")
    }

    /// Escape-free text with `\n` line breaks; redrawn lines rendered.
    public static func clean(_ raw: String) -> String {
        // Byte passes rather than Foundation's replacingOccurrences, which cost a warm job a tenth of its time.
        let unified = replacingLineBreak([0x0D, 0x0A], in: replacingLineBreak([0x0D, 0x0D, 0x0A], in: Array(raw.utf8)))
        guard unified.contains(where: { $0 == 0x0D || $0 == 0x08 || $0 == 0x1B }) else {
            return String(decoding: unified, as: UTF8.self)
        }
        return String(decoding: unified, as: UTF8.self)
            .split(separator: "\n", omittingEmptySubsequences: false).map(screenLine).joined(separator: "\n")
    }

    /// `bytes` with every non-overlapping `pattern`, leftmost first, replaced by a line feed.
    private static func replacingLineBreak(_ pattern: [UInt8], in bytes: [UInt8]) -> [UInt8] {
        guard bytes.contains(0x0D) else { return bytes }
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if bytes[index] == pattern[0], bytes.count - index >= pattern.count, bytes[index..<index + pattern.count].elementsEqual(pattern) {
                result.append(0x0A)
                index += pattern.count
            } else {
                result.append(bytes[index])
                index += 1
            }
        }
        return result
    }

    /// One line as the screen shows it: carriage returns and backspaces move
    /// the cursor, `ESC[nD` moves it left, `ESC[K` erases to the end; other
    /// escapes are dropped. A redrawn line loses the blanks it was erased with.
    public static func screenLine(_ line: Substring) -> String {
        guard line.contains(where: { $0 == "\r" || $0 == "\u{8}" || $0 == "\u{1B}" }) else { return String(line) }
        var screen: [Character] = []
        var cursor = 0
        var redrawn = false
        var rest = line[...]
        while let character = rest.first {
            rest = rest.dropFirst()
            switch character {
            case "\r":
                cursor = 0
                redrawn = true
            case "\u{8}":
                cursor = max(0, cursor - 1)
                redrawn = true
            case "\u{1B}":
                let (move, remainder) = controlSequence(rest)
                rest = remainder
                switch move {
                case .left(let count):
                    cursor = max(0, cursor - count)
                    redrawn = true
                case .eraseToEnd:
                    screen.removeSubrange(min(cursor, screen.count)...)
                case .none:
                    break
                }
            default:
                if cursor < screen.count {
                    screen[cursor] = character
                } else {
                    screen.append(contentsOf: repeatElement(" ", count: cursor - screen.count))
                    screen.append(character)
                }
                cursor += 1
            }
        }
        let text = String(screen)
        guard redrawn else { return text }
        return String(text.reversed().drop(while: { $0 == " " }).reversed())
    }

    private enum CursorEffect {
        case left(Int)
        case eraseToEnd
        case none
    }

    /// Reads one escape sequence after its ESC; returns its effect on the line and what follows it.
    private static func controlSequence(_ text: Substring) -> (CursorEffect, Substring) {
        guard let kind = text.first else { return (.none, text) }
        switch kind {
        case "[":
            var body = text.dropFirst()
            var parameters = ""
            while let next = body.first, !("@"..."~").contains(next) {
                parameters.append(next)
                body = body.dropFirst()
            }
            guard let final = body.first else { return (.none, body) }
            body = body.dropFirst()
            switch final {
            case "D": return (.left(Int(parameters) ?? 1), body)
            case "K" where parameters.isEmpty || parameters == "0": return (.eraseToEnd, body)
            default: return (.none, body)
            }
        case "]":
            // OSC: up to BEL or ESC \.
            var body = text.dropFirst()
            while let next = body.first {
                body = body.dropFirst()
                if next == "\u{7}" { break }
                if next == "\u{1B}" {
                    body = body.dropFirst()
                    break
                }
            }
            return (.none, body)
        default:
            return (.none, text.dropFirst())
        }
    }

    /// The last line of `text`: what follows the last line feed.
    /// Searched as bytes, because Swift treats `\r\n` as one Character.
    public static func lastLine(of text: String) -> Substring {
        guard let newline = text.utf8.lastIndex(of: UInt8(ascii: "\n")) else { return text[...] }
        return text[text.utf8.index(after: newline)...]
    }

    /// A command's output as the device printed it, minus the echoed command
    /// line at the top and the prompt line at the bottom.
    public static func commandOutput(_ raw: String, command: String, stripPrompt: Bool = true) -> String {
        var lines = clean(raw).split(separator: "\n", omittingEmptySubsequences: false)
        if let first = lines.first, trimmingBlanks(first).hasSuffix(trimmingBlanks(command[...])) {
            lines.removeFirst()
        }
        if stripPrompt, !lines.isEmpty {
            lines.removeLast()
        }
        return lines.joined(separator: "\n")
    }

    /// Without leading and trailing spaces and tabs (what `CharacterSet.whitespaces` holds), without Foundation.
    private static func trimmingBlanks(_ text: Substring) -> Substring {
        let isBlank = { (character: Character) in character.isWhitespace && !character.isNewline }
        guard let first = text.firstIndex(where: { !isBlank($0) }), let last = text.lastIndex(where: { !isBlank($0) }) else { return "" }
        return text[first...last]
    }
}
