import Foundation
import NAASCore

/// Writing a line and reading the device's answer up to the next prompt,
/// answering pagers and the questions the caller expects on the way.
extension DeviceSession {
    enum End {
        /// A prompt that contains the base prompt.
        case prompt
        /// Any prompt of the platform (the base prompt is about to change).
        case anyPrompt
        case pattern(NSRegularExpression)
    }

    /// What a read saw besides the text.
    struct Reading {
        var text: String
        /// The patterns of the questions answered on the way.
        var answered: [String] = []
    }

    /// Sends `line` and reads until `end`, answering `questions` (asked once
    /// each; asked again means the answer was refused) and pagers (any
    /// number of times). Returns everything read.
    func exchange(
        _ line: String, until end: End, answering questions: [Platform.Reply] = [], secrets: [String] = []
    ) async throws(DeviceFailure) -> String {
        try await exchangeReading(line, until: end, answering: questions, secrets: secrets).text
    }

    func exchangeReading(
        _ line: String, until end: End, answering questions: [Platform.Reply] = [], secrets: [String] = []
    ) async throws(DeviceFailure) -> Reading {
        guard case .atPrompt = state else {
            if case .failed(let failure) = state { throw failure }
            throw DeviceFailure(.sshError, "The session is not at a prompt")
        }
        do throws(DeviceFailure) {
            try await transport.write(line + platform.lineEnding)
            let reading = try await read(until: end, after: line, questions: questions, secrets: secrets)
            if let prompt = matcher.trailingPrompt(in: reading.text) { state = .atPrompt(prompt) }
            return reading
        } catch {
            state = .failed(error)
            throw error
        }
    }

    /// Reads until `end`. A question seen on the last line is answered once;
    /// a pager as often as it shows, and its line is dropped from the output.
    func read(
        until end: End, after line: String?, questions: [Platform.Reply], secrets: [String] = []
    ) async throws(DeviceFailure) -> Reading {
        let deadline = ContinuousClock.now + .milliseconds(Int(readTimeout * 1000))
        var bytes: [UInt8] = []
        var answeredUpTo = 0
        var answered: [String] = []
        while true {
            let remaining = deadline - ContinuousClock.now
            if remaining <= .zero {
                let what = line.map { "after \"\(Self.redacted($0, secrets))\"" } ?? "after login"
                throw DeviceFailure(.readTimeout, "No prompt from the device within \(formatSeconds(readTimeout)) s \(what)")
            }
            guard let chunk = try await transport.read(waitingAtMost: Int32(max(1, min(remaining.milliseconds, 200)))) else {
                throw DeviceFailure(.sshError, "The device closed the session")
            }
            if chunk.isEmpty { continue }
            bytes += chunk
            let text = String(decoding: bytes, as: UTF8.self)
            if isComplete(text, end: end, echoExpected: line != nil) { return Reading(text: text, answered: answered) }

            let start = Self.unansweredLineStart(bytes, answeredUpTo: answeredUpTo)
            guard start < bytes.count else { continue }
            let lastLine = TerminalText.screenLine(Substring(String(decoding: bytes[start...], as: UTF8.self)))
            if let pager = platform.pagers.first(where: { Self.matches($0.pattern, lastLine) }) {
                // The pager's own line is not output: drop it before answering.
                bytes.removeSubrange(start...)
                try await send(pager.answer)
                answeredUpTo = bytes.count
            } else if let question = questions.first(where: { Self.matches($0.pattern, lastLine) }) {
                if answered.contains(question.pattern) {
                    throw DeviceFailure(.authFailure, "The device asked again after its answer was sent: \(lastLine.trimmingCharacters(in: .whitespaces))")
                }
                answered.append(question.pattern)
                try await send(question.answer)
                answeredUpTo = bytes.count
            }
        }
    }

    /// Where the last line begins, or where the last answer left off if later: a question
    /// already answered is never seen again.
    static func unansweredLineStart(_ bytes: [UInt8], answeredUpTo: Int) -> Int {
        max((bytes.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 }) ?? 0, answeredUpTo)
    }

    func send(_ answer: Platform.Answer) async throws(DeviceFailure) {
        switch answer {
        case .keys(let keys): try await transport.write(keys)
        case .line(let text): try await transport.write(text + platform.lineEnding)
        case .username: try await transport.write(credentials.username + platform.lineEnding)
        case .password: try await transport.write(credentials.password + platform.lineEnding)
        }
    }

    private func isComplete(_ text: String, end: End, echoExpected: Bool) -> Bool {
        switch end {
        case .prompt, .anyPrompt:
            // The prompt must follow the echoed line, not be mistaken for a partial echo.
            if echoExpected, !text.utf8.contains(UInt8(ascii: "\n")) { return false }
            if case .anyPrompt = end { return matcher.trailingPrompt(in: text) != nil }
            return matcher.endsWithPrompt(text, base: basePrompt)
        case .pattern(let regex):
            let cleaned = TerminalText.clean(text)
            return regex.firstMatch(in: cleaned, range: NSRange(cleaned.startIndex..., in: cleaned)) != nil
        }
    }

    /// `line` with every secret in it replaced, for messages.
    static func redacted(_ line: String, _ secrets: [String]) -> String {
        secrets.filter { !$0.isEmpty }.reduce(line) { $0.replacingOccurrences(of: $1, with: "********") }
    }
}
