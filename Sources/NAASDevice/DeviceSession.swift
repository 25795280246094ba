import Foundation
import NAASCore

/// An interactive CLI session on one device, driven the way an engineer
/// drives it: wait for the prompt, climb to privileged mode, turn paging off,
/// run a line, wait for the prompt again.
///
/// Blocking and single-threaded by design: create, use and drop it on one
/// dedicated thread.
public final class DeviceSession {
    /// Where the session stands. Every operation checks it, so using a
    /// session after a failure is an error rather than a hang.
    enum State {
        case atPrompt(String)
        case failed(DeviceFailure)
    }

    public let platform: Platform
    private let connection: SSHConnection
    private let matcher: PromptMatcher
    private let readTimeout: Double
    private var basePrompt = ""
    private var state: State = .failed(DeviceFailure(.sshError, "The session is not open"))

    /// Connects, logs in, finds the prompt, enters privileged mode when the
    /// device starts in user mode and a secret is given, and turns paging off.
    public init(
        target: DeviceTarget, credentials: Credentials, connectTimeout: Double,
        readTimeout: Double, algorithms: SSHAlgorithms = .modern
    ) throws(DeviceFailure) {
        guard let platform = Platform.named(target.platform) else {
            throw DeviceFailure(.sshError, "Unknown platform \(target.platform)")
        }
        self.platform = platform
        self.matcher = PromptMatcher(platform: platform)
        self.readTimeout = readTimeout
        self.connection = try SSHConnection(
            target: target, username: credentials.username, timeout: connectTimeout, algorithms: algorithms)
        try connection.authenticate(username: credentials.username, password: credentials.password)
        try connection.openShell()
        let prompt = try waitForFirstPrompt()
        basePrompt = matcher.basePrompt(of: prompt)
        state = .atPrompt(prompt)
        if matcher.isUserMode(prompt), let escalation = platform.enable,
           let secret = credentials.enableSecret, !secret.isEmpty {
            try enterPrivilegedMode(escalation, secret: secret)
        }
        for line in platform.sessionSetup {
            _ = try exchange(line, until: .prompt)
        }
    }

    /// The prompt the device shows now.
    public var currentPrompt: String? {
        if case .atPrompt(let prompt) = state { return prompt }
        return nil
    }

    /// Runs one command and returns its output without echo or prompt.
    /// With `expecting`, output ends where that pattern appears instead of at the prompt.
    public func run(_ command: String, expecting pattern: String? = nil) throws(DeviceFailure) -> String {
        let end: End
        if let pattern {
            guard let regex = try? NSRegularExpression(pattern: pattern) else {
                throw DeviceFailure(.sshError, "expect_string is not a valid regular expression")
            }
            end = .pattern(regex)
        } else {
            end = .prompt
        }
        let raw = try exchange(command, until: end)
        return TerminalText.commandOutput(raw, command: command, stripPrompt: matcher.trailingPrompt(in: raw) != nil)
    }

    /// Applies configuration lines in configuration mode and returns the
    /// session transcript. A line the device rejects stops the job with
    /// `CONFIG_REJECTED`; nothing after it is sent.
    public func configure(_ lines: [String], save: Bool, commit: Bool) throws(DeviceFailure) -> String {
        var transcript = currentPrompt ?? ""
        let failures = platform.failurePatterns.compactMap { try? NSRegularExpression(pattern: $0) }
        func send(_ line: String) throws(DeviceFailure) {
            let raw = TerminalText.clean(try exchange(line, until: .prompt))
            transcript += raw
            let range = NSRange(raw.startIndex..., in: raw)
            if failures.contains(where: { $0.firstMatch(in: raw, range: range) != nil }) {
                let reason = raw.split(separator: "\n").first { line in
                    failures.contains { $0.firstMatch(in: String(line), range: NSRange(line.startIndex..., in: line)) != nil }
                }.map { String($0).trimmingCharacters(in: .whitespaces) } ?? "rejected"
                throw DeviceFailure(.configRejected, "The device rejected \"\(line)\": \(reason)")
            }
        }
        if let enter = platform.configEnter { try send(enter) }
        for line in lines { try send(line) }
        if let exit = platform.configExit { try send(exit) }
        if commit, let commitCommand = platform.commitCommand { try send(commitCommand) }
        if save, let saveCommand = platform.saveCommand { try send(saveCommand) }
        return transcript
    }

    // MARK: - Reading and writing

    enum End {
        case prompt
        case pattern(NSRegularExpression)
        case passwordOrPrompt(NSRegularExpression)
    }

    /// Sends `line` and reads until `end`; returns everything read.
    private func exchange(_ line: String, until end: End) throws(DeviceFailure) -> String {
        guard case .atPrompt = state else {
            if case .failed(let failure) = state { throw failure }
            throw DeviceFailure(.sshError, "The session is not at a prompt")
        }
        do {
            try connection.write(line + "\n")
            let raw = try read(until: end, after: line)
            if let prompt = matcher.trailingPrompt(in: raw) { state = .atPrompt(prompt) }
            return raw
        } catch {
            state = .failed(error)
            throw error
        }
    }

    private func read(until end: End, after line: String?) throws(DeviceFailure) -> String {
        let deadline = ContinuousClock.now + .milliseconds(Int(readTimeout * 1000))
        var bytes: [UInt8] = []
        while true {
            let remaining = deadline - ContinuousClock.now
            if remaining <= .zero {
                let what = line.map { "after \"\($0)\"" } ?? "after login"
                throw DeviceFailure(.readTimeout, "No prompt from the device within \(formatSeconds(readTimeout)) s \(what)")
            }
            let slice = Int32(min(remaining.milliseconds, 200))
            guard let chunk = try connection.read(waitingAtMost: max(slice, 1)) else {
                throw DeviceFailure(.sshError, "The device closed the session")
            }
            if chunk.isEmpty { continue }
            bytes += chunk
            let text = String(decoding: bytes, as: UTF8.self)
            if isComplete(text, end: end, echoExpected: line != nil) { return text }
        }
    }

    private func isComplete(_ text: String, end: End, echoExpected: Bool) -> Bool {
        switch end {
        case .prompt:
            // The prompt must follow the echoed line, not be mistaken for a partial echo.
            if echoExpected, !text.utf8.contains(UInt8(ascii: "\n")) { return false }
            return matcher.endsWithPrompt(text, base: basePrompt)
        case .pattern(let regex):
            let cleaned = TerminalText.clean(text)
            return regex.firstMatch(in: cleaned, range: NSRange(cleaned.startIndex..., in: cleaned)) != nil
        case .passwordOrPrompt(let regex):
            let last = String(TerminalText.lastLine(of: TerminalText.clean(text)))
            if regex.firstMatch(in: last, range: NSRange(last.startIndex..., in: last)) != nil { return true }
            return text.utf8.contains(UInt8(ascii: "\n")) && matcher.endsWithPrompt(text, base: basePrompt)
        }
    }

    private func waitForFirstPrompt() throws(DeviceFailure) -> String {
        let deadline = ContinuousClock.now + .milliseconds(Int(readTimeout * 1000))
        var bytes: [UInt8] = []
        var nudged = false
        let nudgeAt = ContinuousClock.now + .milliseconds(min(500, Int(readTimeout * 500)))
        while true {
            let now = ContinuousClock.now
            if now >= deadline {
                throw DeviceFailure(.readTimeout, "No prompt from the device within \(formatSeconds(readTimeout)) s after login")
            }
            // Some devices print nothing until they see a keystroke.
            if !nudged, now >= nudgeAt {
                try connection.write("\n")
                nudged = true
            }
            let wait = min(deadline - now, nudged ? deadline - now : nudgeAt - now)
            guard let chunk = try connection.read(waitingAtMost: Int32(max(1, min(wait.milliseconds, 200)))) else {
                throw DeviceFailure(.sshError, "The device closed the session before showing a prompt")
            }
            bytes += chunk
            let text = String(decoding: bytes, as: UTF8.self)
            if let prompt = matcher.trailingPrompt(in: text) { return prompt }
        }
    }

    private func enterPrivilegedMode(_ escalation: Platform.Escalation, secret: String) throws(DeviceFailure) {
        guard let question = try? NSRegularExpression(pattern: escalation.passwordPrompt) else { return }
        let answer = try exchange(escalation.command, until: .passwordOrPrompt(question))
        if matcher.trailingPrompt(in: answer) == nil {
            // The device asked for the secret; the shell is mid-question, not at a prompt.
            try connection.write(secret + "\n")
            let after = try read(until: .prompt, after: nil)
            if let prompt = matcher.trailingPrompt(in: after) { state = .atPrompt(prompt) }
        }
        if let prompt = currentPrompt, matcher.isUserMode(prompt) {
            throw DeviceFailure(.authFailure, "The device refused the enable secret")
        }
    }
}
