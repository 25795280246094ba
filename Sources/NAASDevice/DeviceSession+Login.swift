import Foundation
import NAASCore

/// From an open transport to the first prompt: banners and questions the
/// platform asks at login, and the username and password where the device
/// asks for them in-band (Telnet, PowerConnect).
extension DeviceSession {
    static let usernameQuestion = #"(?i)(?:user ?name|login)\s*:\s*$"#
    static let passwordQuestion = #"(?i)password\s*:\s*$"#
    /// What devices print when an in-band login is refused.
    static let loginRefused = #"(?i)(?:login incorrect|login invalid|authentication failed|access denied|bad password|incorrect password|% bad passwords)"#

    func waitForFirstPrompt() async throws(DeviceFailure) -> String {
        // Devices may ask for the login in-band even after SSH authenticated (PowerConnect, SG300):
        // the questions are answered whenever they show, not only over Telnet.
        let questions = platform.login.questions
            + [Platform.Reply(Self.usernameQuestion, .username), Platform.Reply(Self.passwordQuestion, .password)]
        let deadline = ContinuousClock.now + .milliseconds(Int(readTimeout * 1000))
        let nudgeAt = ContinuousClock.now + .milliseconds(min(500, Int(readTimeout * 500)))
        var bytes: [UInt8] = []
        var answeredUpTo = 0
        var answers: [String: Int] = [:]
        var nudged = false
        while true {
            let now = ContinuousClock.now
            if now >= deadline {
                throw DeviceFailure(.readTimeout, "No prompt from the device within \(formatSeconds(readTimeout)) s after login")
            }
            // Some devices print nothing until they see a keystroke.
            if !nudged, answers.isEmpty, now >= nudgeAt {
                try await transport.write(platform.lineEnding)
                nudged = true
            }
            let wait = nudged || !answers.isEmpty ? deadline - now : min(deadline, nudgeAt) - now
            guard let chunk = try await transport.read(waitingAtMost: Int32(max(1, min(wait.milliseconds, 200)))) else {
                if answers[Self.passwordQuestion] != nil {
                    throw DeviceFailure(.authFailure, "The device closed the session after the login was sent (user \(credentials.username))")
                }
                throw DeviceFailure(.sshError, "The device closed the session before showing a prompt")
            }
            if chunk.isEmpty { continue }
            bytes += chunk
            let text = String(decoding: bytes, as: UTF8.self)
            let fresh = String(decoding: bytes[Self.unansweredLineStart(bytes, answeredUpTo: answeredUpTo)...], as: UTF8.self)
            let lastLine = TerminalText.screenLine(Substring(fresh))
            if let question = questions.first(where: { Self.matches($0.pattern, lastLine) }) {
                if answers[question.pattern] != nil, question.pattern == Self.usernameQuestion || question.pattern == Self.passwordQuestion {
                    throw DeviceFailure(.authFailure, "Authentication failed for user \(credentials.username): the device asked for the login again")
                }
                answers[question.pattern, default: 0] += 1
                if answers[question.pattern, default: 0] > 3 {
                    throw DeviceFailure(.sshError, "The device keeps asking \"\(lastLine.trimmingCharacters(in: .whitespaces))\" at login")
                }
                try await send(question.answer)
                answeredUpTo = bytes.count
                continue
            }
            if answers[Self.passwordQuestion] != nil, Self.matches(Self.loginRefused, TerminalText.clean(text)) {
                throw DeviceFailure(.authFailure, "Authentication failed for user \(credentials.username)")
            }
            if bytes.count > answeredUpTo, let prompt = matcher.trailingPrompt(in: text) {
                if nudged { try await drainAnswerToNudge() }
                return prompt
            }
        }
    }

    /// A device that was only slow (a long banner) answers the nudge's RETURN
    /// with a second prompt after the first. Left unread, that prompt would end
    /// the next command's read before its answer arrived.
    private func drainAnswerToNudge() async throws(DeviceFailure) {
        let until = ContinuousClock.now + .milliseconds(250)
        var extra: [UInt8] = []
        while ContinuousClock.now < until {
            let wait = Int32(max(1, min((until - ContinuousClock.now).milliseconds, 50)))
            guard let chunk = try await transport.read(waitingAtMost: wait) else { return }
            extra += chunk
            if matcher.trailingPrompt(in: String(decoding: extra, as: UTF8.self)) != nil { return }
        }
    }
}
