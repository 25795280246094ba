import Foundation
import NAASCore

/// Recognises a platform's prompts. The first prompt seen after login fixes
/// the base prompt (`sw1` of `sw1>`); later prompts at any privilege level
/// (`sw1#`, `sw1(config-if)#`) are recognised by containing that base, as
/// Netmiko does, so output that merely ends in `#` does not end a read.
public struct PromptMatcher: Sendable {
    public let platform: Platform
    private let anyPrompt: NSRegularExpression
    private let stablePart: NSRegularExpression

    public init(platform: Platform) {
        self.platform = platform
        self.anyPrompt = Self.compile(platform.prompt.pattern, platform: platform.name)
        self.stablePart = Self.compile(platform.prompt.base, platform: platform.name)
    }

    /// The platform table is code: a pattern that does not compile is a bug that its unit tests catch.
    private static func compile(_ pattern: String, platform: String) -> NSRegularExpression {
        guard let regex = try? NSRegularExpression(pattern: pattern) else {
            preconditionFailure("The prompt pattern of \(platform) does not compile: \(pattern)")
        }
        return regex
    }

    /// The prompt at the end of `buffer`, if the buffer ends with one.
    public func trailingPrompt(in buffer: String) -> String? {
        let line = TerminalText.screenLine(TerminalText.lastLine(of: buffer))
        guard !line.isEmpty else { return nil }
        let range = NSRange(line.startIndex..., in: line)
        guard anyPrompt.firstMatch(in: line, range: range) != nil else { return nil }
        return line.trimmingCharacters(in: .whitespaces)
    }

    /// The part of `prompt` that stays the same across privilege and configuration levels.
    public func basePrompt(of prompt: String) -> String {
        let range = NSRange(prompt.startIndex..., in: prompt)
        if let match = stablePart.firstMatch(in: prompt, range: range), match.numberOfRanges > 1,
           let base = Range(match.range(at: 1), in: prompt), !prompt[base].isEmpty {
            return String(prompt[base])
        }
        return prompt.trimmingCharacters(in: .whitespaces)
    }

    /// Whether `prompt` is the unprivileged (user mode) prompt.
    public func isUserMode(_ prompt: String) -> Bool {
        guard let terminator = platform.prompt.userModeTerminator else { return false }
        return prompt.last == terminator
    }

    /// True when `buffer` ends with a prompt that contains the given base.
    public func endsWithPrompt(_ buffer: String, base: String) -> Bool {
        guard let prompt = trailingPrompt(in: buffer) else { return false }
        return base.isEmpty || prompt.contains(base)
    }
}
