import Foundation

/// Turns raw terminal bytes into the text an engineer would copy from the
/// screen, the way Netmiko cleans output: no escape sequences, no carriage
/// returns, no echoed command, no trailing prompt.
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

    /// `\r\n` and lone `\r` become `\n`; backspaces are applied.
    public static func normalizingNewlines(_ text: String) -> String {
        text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "")
    }

    /// Escape-free, newline-normalised text.
    public static func clean(_ raw: String) -> String {
        normalizingNewlines(strippingEscapes(raw))
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
        var lines = clean(raw).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if let first = lines.first, first.trimmingCharacters(in: .whitespaces).hasSuffix(command.trimmingCharacters(in: .whitespaces)) {
            lines.removeFirst()
        }
        if stripPrompt, !lines.isEmpty {
            lines.removeLast()
        }
        return lines.joined(separator: "\n")
    }
}
