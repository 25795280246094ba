import Foundation
import NAASCore

/// A configuration job: enter configuration mode, send each line, commit
/// where the platform stages changes, leave, save.
extension DeviceSession {
    /// Applies configuration lines and returns the session transcript. A
    /// line the device rejects stops the job with `CONFIG_REJECTED`; nothing
    /// after it is sent. Commit happens before leaving configuration mode
    /// where the platform requires it; without `commit`, a platform that
    /// stages changes is left with them uncommitted (and its exit question
    /// answered as the platform entry says).
    public func configure(_ lines: [String], save: Bool, commit: Bool) async throws(DeviceFailure) -> String {
        var transcript = currentPrompt ?? ""
        let commitStep = commit ? platform.commit : nil
        let saveStep = save ? platform.save : nil

        if let config = platform.config { transcript += try await checked(config.enter) }
        for line in lines { transcript += try await checked(line) }
        if let commitStep, commitStep.insideConfigMode || platform.config == nil {
            transcript += try await committing(commitStep)
        }
        if let saveStep, saveStep.insideConfigMode || platform.config == nil {
            transcript += try await saving(saveStep)
        }
        if let config = platform.config {
            transcript += try await leaving(config)
            if let commitStep, !commitStep.insideConfigMode { transcript += try await committing(commitStep) }
            if let saveStep, !saveStep.insideConfigMode { transcript += try await saving(saveStep) }
        }
        return transcript
    }

    /// Sends `line` and fails the job if the output shows a failure pattern.
    private func checked(_ line: String, answering questions: [Platform.Reply] = []) async throws(DeviceFailure) -> String {
        let output = TerminalText.clean(try await exchange(line, until: .prompt, answering: questions))
        if let reason = Self.firstLine(of: output, matchingAnyOf: platform.failurePatterns) {
            throw DeviceFailure(.configRejected, "The device rejected \"\(line)\": \(reason)")
        }
        return output
    }

    private func committing(_ commit: Platform.Commit) async throws(DeviceFailure) -> String {
        let output = try await checked(commit.command, answering: commit.questions)
        if let reason = Self.firstLine(of: output, matchingAnyOf: commit.failurePatterns) {
            throw DeviceFailure(.configRejected, "The commit failed: \(reason)")
        }
        if let marker = commit.successMarker, !Self.matches(marker, output) {
            throw DeviceFailure(.configRejected, "The commit failed: \(Self.summary(of: output, command: commit.command))")
        }
        return output
    }

    private func saving(_ save: Platform.Save) async throws(DeviceFailure) -> String {
        let output = try await checked(save.command, answering: save.questions)
        if let marker = save.successMarker, !Self.matches(marker, output) {
            throw DeviceFailure(.configRejected, "The save failed: \(Self.summary(of: output, command: save.command))")
        }
        return output
    }

    /// Leaves configuration mode. A question on the way is answered; a
    /// refusal printed before the prompt (VyOS) is answered with a second command.
    private func leaving(_ config: Platform.ConfigMode) async throws(DeviceFailure) -> String {
        let reading = try await exchangeReading(config.exit, until: .prompt, answering: config.exitQuestions)
        var output = TerminalText.clean(reading.text)
        let cleaned = output
        if let refusal = config.exitQuestions.first(where: { !reading.answered.contains($0.pattern) && Self.matches($0.pattern, cleaned) }),
           case .line(let command) = refusal.answer {
            output += TerminalText.clean(try await exchange(command, until: .prompt))
        }
        return output
    }

    /// The first line of `output` that matches one of `patterns`, trimmed.
    static func firstLine(of output: String, matchingAnyOf patterns: [String]) -> String? {
        guard patterns.contains(where: { matches($0, output) }) else { return nil }
        let line = output.split(separator: "\n").first { line in patterns.contains { matches($0, String(line)) } }
        return line.map { $0.trimmingCharacters(in: .whitespaces) } ?? "rejected"
    }

    /// The device's answer without echo and prompt, on one line, for an error message.
    static func summary(of output: String, command: String) -> String {
        let body = TerminalText.commandOutput(output, command: command)
            .split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            .joined(separator: "; ")
        return body.isEmpty ? "the device did not confirm it" : String(body.prefix(300))
    }
}
