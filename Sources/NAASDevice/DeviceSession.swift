import Foundation
import NAASCore

/// An interactive CLI session on one device, driven the way an engineer
/// drives it: wait for the prompt, climb to privileged mode, turn paging off,
/// run a line, wait for the prompt again. Everything that differs between
/// platforms is read from the `Platform` entry.
///
/// It never blocks a thread: it waits for the device by suspending, on the
/// reactor loop its job runs on (`DeviceReactor`). Create, use and drop it
/// within one task.
public final class DeviceSession {
    /// Where the session stands. Every operation checks it, so using a
    /// session after a failure is an error rather than a hang.
    enum State {
        case atPrompt(String)
        case failed(DeviceFailure)
    }

    public private(set) var platform: Platform
    let transport: any DeviceTransport
    let credentials: Credentials
    var readTimeout: Double
    var matcher: PromptMatcher
    var basePrompt = ""
    var state: State = .failed(DeviceFailure(.sshError, "The session is not open"))

    /// Connects, logs in, waits for the first prompt and, unless `preparing`
    /// is false (autodetect adopts a platform later), prepares the session.
    public convenience init(
        target: DeviceTarget, platform: Platform, transport kind: DeviceTransportKind = .ssh, credentials: Credentials,
        connectTimeout: Double, readTimeout: Double, algorithms: SSHAlgorithms = .modern, preparing: Bool = true,
        on loop: ReactorLoop
    ) async throws(DeviceFailure) {
        let transport = try await DeviceConnector(algorithms: algorithms, loop: loop).open(
            target, platform: platform, transport: kind, credentials: credentials, timeout: connectTimeout)
        try await self.init(
            over: transport, platform: platform, credentials: credentials,
            readTimeout: readTimeout, preparing: preparing)
    }

    /// A session over an open transport.
    init(
        over transport: any DeviceTransport, platform: Platform, credentials: Credentials,
        readTimeout: Double, preparing: Bool = true
    ) async throws(DeviceFailure) {
        self.platform = platform
        self.matcher = PromptMatcher(platform: platform)
        self.credentials = credentials
        self.readTimeout = readTimeout
        self.transport = transport
        let prompt = try await waitForFirstPrompt()
        basePrompt = matcher.basePrompt(of: prompt)
        state = .atPrompt(prompt)
        if preparing { try await prepare() }
    }

    /// Steps from a shell into the CLI where the platform has one, enters
    /// privileged mode when the device starts in user mode and a secret is
    /// given, and sends the platform's session setup (paging off, width).
    func prepare() async throws(DeviceFailure) {
        if let step = platform.login.shellToCLI, let prompt = currentPrompt, Self.matches(step.pattern, prompt) {
            let answer = try await exchange(step.command, until: .anyPrompt)
            if let prompt = matcher.trailingPrompt(in: answer) { basePrompt = matcher.basePrompt(of: prompt) }
        }
        if let prompt = currentPrompt, matcher.isUserMode(prompt), let escalation = platform.enable,
           let secret = credentials.enableSecret, !secret.isEmpty {
            try await enterPrivilegedMode(escalation, secret: secret)
        }
        for line in platform.sessionSetup {
            _ = try await exchange(line, until: .prompt)
        }
    }

    /// Re-reads the session as `platform` (found by autodetect) and prepares it.
    func adopt(_ platform: Platform) async throws(DeviceFailure) {
        self.platform = platform
        matcher = PromptMatcher(platform: platform)
        if let prompt = currentPrompt { basePrompt = matcher.basePrompt(of: prompt) }
        try await prepare()
    }

    /// The prompt the device shows now.
    public var currentPrompt: String? {
        if case .atPrompt(let prompt) = state { return prompt }
        return nil
    }

    /// Runs one command and returns its output without echo or prompt.
    /// With `expecting`, output ends where that pattern appears instead of at the prompt.
    public func run(_ command: String, expecting pattern: String? = nil) async throws(DeviceFailure) -> String {
        let end: End
        if let pattern {
            guard let regex = try? NSRegularExpression(pattern: pattern) else {
                throw DeviceFailure(.sshError, "expect_string is not a valid regular expression")
            }
            end = .pattern(regex)
        } else {
            end = .prompt
        }
        let raw = try await exchange(command, until: end)
        return TerminalText.commandOutput(raw, command: command, stripPrompt: matcher.trailingPrompt(in: raw) != nil)
    }

    private func enterPrivilegedMode(_ escalation: Platform.Escalation, secret: String) async throws(DeviceFailure) {
        var questions = [Platform.Reply(escalation.passwordPrompt, .line(secret))]
        if let usernamePrompt = escalation.usernamePrompt {
            questions.insert(Platform.Reply(usernamePrompt, .username), at: 0)
        }
        let answer = try await exchange(escalation.command, until: .prompt, answering: questions, secrets: [secret])
        if matcher.trailingPrompt(in: answer) != nil, let prompt = currentPrompt, !matcher.isUserMode(prompt) {
            // A new privilege level can change the prompt's stable part (`user@host` → `root@host`).
            basePrompt = matcher.basePrompt(of: prompt)
            return
        }
        throw DeviceFailure(.authFailure, "The device refused the enable secret")
    }

    static func matches(_ pattern: String, _ text: String) -> Bool {
        PatternCache.matches(pattern, text)
    }
}
