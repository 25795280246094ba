extension CLISession {
    /// Starts the conversation: in-band login where the transport did not authenticate,
    /// otherwise the banner and the first prompt.
    public func start(authenticated: Bool) -> [SessionEffect] {
        var effects: [SessionEffect] = []
        if device.loginLatencyMs > 0 { effects.append(.delay(milliseconds: device.loginLatencyMs)) }
        if authenticated && !os.login.inBandAfterSSH {
            return effects + loggedIn()
        }
        state = .username(failures: 0)
        let banner = os.login.preLoginBanner.isEmpty ? "" : os.login.preLoginBanner.filled(values) + "\r\n"
        return effects + [.output(banner + os.login.usernamePrompt)]
    }

    func loginName(_ line: String, failures: Int) -> [SessionEffect] {
        state = .password(user: line, failures: failures)
        return [.output(os.login.passwordPrompt)]
    }

    func loginPassword(_ password: String, user name: String, failures: Int) -> [SessionEffect] {
        if name == device.username && password == device.password && device.fault != .rejectAuth {
            user = name
            return loggedIn()
        }
        record("login_failed", "", ["user": name])
        // Three tries, as most devices allow, then the line is dropped.
        if failures >= 2 {
            state = .closed
            return [.output("\r\n" + os.login.failure + "\r\n"), .close]
        }
        state = .username(failures: failures + 1)
        return [.output("\r\n" + os.login.failure + "\r\n\r\n" + os.login.usernamePrompt)]
    }

    func loggedIn() -> [SessionEffect] {
        record("login", "", ["user": user, "transport": transport])
        var effects: [SessionEffect] = []
        let banner = os.login.banner.filled(values)
        if !banner.isEmpty { effects.append(.output(banner + "\r\n")) }
        if device.fault == .hang {
            state = .hung
            return effects
        }
        if device.fault == .slowBanner {
            effects.append(.delay(milliseconds: max(device.loginLatencyMs, 3000)))
        }
        if let question = os.login.question {
            state = .question(question, then: .login)
            return effects + [.output(question.text)]
        }
        state = .line
        return effects + [.output(prompt)]
    }
}
