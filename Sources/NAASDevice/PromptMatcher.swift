import Foundation
import NAASCore

/// Recognises a platform's prompts. The first prompt seen after login fixes
/// the base prompt (`sw1` of `sw1>`); later prompts at any privilege level
/// (`sw1#`, `sw1(config-if)#`) are recognised by that base, as Netmiko does.
public struct PromptMatcher: Sendable {
    public let platform: Platform
    private let anyPrompt: NSRegularExpression

    public init(platform: Platform) {
        self.platform = platform
        self.anyPrompt = try! NSRegularExpression(pattern: platform.promptPattern)
    }

    /// The prompt at the end of `buffer`, if the buffer ends with one.
    public func trailingPrompt(in buffer: String) -> String? {
        let line = TerminalText.strippingEscapes(String(TerminalText.lastLine(of: buffer)))
            .replacingOccurrences(of: "\r", with: "")
        guard !line.isEmpty else { return nil }
        let range = NSRange(line.startIndex..., in: line)
        guard anyPrompt.firstMatch(in: line, range: range) != nil else { return nil }
        return line.trimmingCharacters(in: .whitespaces)
    }

    /// The prompt without its terminator: what stays the same across privilege levels.
    public func basePrompt(of prompt: String) -> String {
        var base = Substring(prompt)
        while let last = base.last, platform.promptTerminators.contains(last) || last == " " {
            base = base.dropLast()
        }
        // `sw1(config)#` has base `sw1`: the mode in parentheses is not part of it.
        if let paren = base.firstIndex(of: "(") { base = base[..<paren] }
        return String(base)
    }

    /// Whether `prompt` is the unprivileged (user mode) prompt.
    public func isUserMode(_ prompt: String) -> Bool {
        guard let terminator = platform.userModeTerminator else { return false }
        return prompt.last == terminator
    }

    /// True when `buffer` ends with a prompt that has the given base.
    public func endsWithPrompt(_ buffer: String, base: String) -> Bool {
        guard let prompt = trailingPrompt(in: buffer) else { return false }
        return prompt.hasPrefix(base)
    }
}
