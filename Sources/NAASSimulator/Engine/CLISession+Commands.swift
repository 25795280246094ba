extension CLISession {
    func commandLine(_ raw: String) -> [SessionEffect] {
        let line = raw.trimmingSpaces()
        guard !line.isEmpty else { return [.output(prompt)] }
        counter += 1
        let words = line.commandWords()
        for command in os.commands where available(command) {
            if let args = WordPattern(command.pattern).match(words, abbreviations: os.acceptsAbbreviations) {
                record("command", line)
                return run(command.action, line: line, args: args)
            }
        }
        if level == .config {
            return configLine(line, words: words)
        }
        record("command", line, ["accepted": "false"])
        return replied(errorText(os.invalidCommand, line: line))
    }

    private func available(_ command: CommandSpec) -> Bool {
        command.modes.isEmpty ? level >= command.minimumLevel : command.modes.contains(currentMode)
    }

    func errorText(_ template: String, line: String) -> [String] {
        let caret = String(repeating: " ", count: lastPromptLine.count) + "^"
        let word = line.commandWords().first.map(String.init) ?? line
        return template.filled(["line": line, "word": word, "caret": caret, "host": device.hostname, "user": user])
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    private var lastPromptLine: String {
        String(prompt.split(separator: "\n", omittingEmptySubsequences: false).last ?? "")
    }

    private func run(_ action: CommandAction, line: String, args: [Substring]) -> [SessionEffect] {
        switch action {
        case .text(let text):
            let filled = text.filled(["host": device.hostname, "user": user, "args": args.joined(separator: " ")])
            return replied(filled.isEmpty ? [] : lines(filled))
        case let .textByConfig(configured, present, absent):
            return run(.text(running.contains(configured) ? present : absent), line: line, args: args)
        case .version:
            return replied(lines(os.versionText.filled(values)))
        case .runningConfig:
            return replied(runningConfigText)
        case .candidateConfig:
            return replied(candidateConfigText)
        case .longOutput:
            return longOutput()
        case .pagingOff(let text):
            paging = false
            return replied(text.isEmpty ? [] : lines(text.filled(values)))
        case let .enter(mode, password, text):
            if password, let secret = device.enableSecret, !secret.isEmpty, let ask = os.enableUsernamePrompt {
                state = .secretUsername(mode: mode, text: text)
                return [.output(ask.filled(values))]
            }
            if password, let secret = device.enableSecret, !secret.isEmpty {
                state = .secret(mode: mode, text: text)
                return [.output(os.passwordPrompt.filled(values))]
            }
            push(mode)
            return replied(text.isEmpty ? [] : lines(text.filled(values)))
        case .exitMode:
            return exitMode()
        case .endConfig:
            return leaveConfig(discard: false)
        case .endConfigDiscard:
            return leaveConfig(discard: true)
        case .logout(let text):
            return loggingOut(text, step: 0)
        case .save:
            return save(step: 0)
        case .commit:
            return commit()
        case .discard(let text):
            candidate = running
            uncommitted = false
            return replied(text.isEmpty ? [] : lines(text))
        case .configLine:
            return configLine(line, words: line.commandWords())
        case .plainEcho(let text):
            repainting = false
            return replied(text.isEmpty ? [] : lines(text.filled(values)))
        }
    }

    func lines(_ text: String) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    private func longOutput() -> [SessionEffect] {
        let total = max(1, device.outputLines)
        var header = values
        header["count"] = String(total)
        var output = os.logHeader.isEmpty ? [] : lines(os.logHeader.filled(header))
        for number in 1...total {
            output.append(os.logLine.filled([
                "n": String(number), "i": String(number % 48 + 1), "host": device.hostname,
                "s": format2(number % 60), "m": format2((number / 60) % 60), "h": format2(number / 3600 % 24),
            ]))
        }
        if device.fault == .dropMidOutput {
            state = .closed
            let half = output.prefix(output.count / 2).map { $0 + "\r\n" }.joined()
            return [.output(half), .close]
        }
        return replied(output)
    }

    private func format2(_ value: Int) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }

    func push(_ mode: String, context: String = "", path: [Int] = []) {
        let entering = os.mode(mode).level == .config && level < .config
        if entering && !uncommitted { candidate = running }
        stack.append(ModeFrame(mode: mode, context: context, path: path))
    }

    private func exitMode() -> [SessionEffect] {
        guard stack.count > 1 else { return loggingOut(os.login.goodbye, step: 0) }
        let parent = stack[stack.count - 2]
        if level == .config && os.mode(parent.mode).level < .config {
            return leaveConfig(discard: false)
        }
        stack.removeLast()
        return replied([])
    }

    /// Leaves every config level, asking or refusing first where changes are uncommitted.
    func leaveConfig(discard: Bool) -> [SessionEffect] {
        if let commit = os.config.commit, uncommitted, !discard {
            if let question = commit.exitQuestion {
                state = .question(question, then: .leaveConfig(discard: false))
                return [.output(question.text)]
            }
            if let refusal = commit.exitRefusal {
                return replied(lines(refusal))
            }
        }
        if discard {
            candidate = running
            uncommitted = false
        }
        popConfig()
        return replied(discard && !(os.config.commit?.discardText.isEmpty ?? true)
                       ? lines(os.config.commit!.discardText) : [])
    }

    private func popConfig() {
        while stack.count > 1, level == .config {
            stack.removeLast()
        }
    }

    /// Asks the OS's log-out questions from `step` on (the save one only while config is unsaved), then logs out.
    func loggingOut(_ text: String, step: Int) -> [SessionEffect] {
        let questions = [unsaved ? os.login.unsavedLogoutQuestion : nil, os.login.logoutQuestion]
        for index in questions.indices where index >= step {
            if let question = questions[index] {
                state = .question(question, then: .logout(step: index, text: text))
                return [.output(question.text.filled(values))]
            }
        }
        return logout(text)
    }

    func logout(_ text: String) -> [SessionEffect] {
        connectionClosed()
        state = .closed
        return [.output(text.isEmpty ? "" : text.filled(values) + "\r\n"), .close]
    }

    func answered(_ question: Question, _ answer: String, then: PendingAction) -> [SessionEffect] {
        state = .line
        let outcome = question.outcome(for: answer)
        switch then {
        case .login:
            return outcome == .abort ? logout("") : [.output(prompt)]
        case .save(let step):
            if outcome == .abort {
                return replied(os.config.save.map { lines($0.aborted) } ?? [], latency: false)
            }
            return save(step: step + 1)
        case let .logout(step, text):
            return outcome == .abort ? [.output(prompt)] : loggingOut(text, step: step + 1)
        case .leaveConfig:
            switch outcome {
            case .abort:
                return [.output(prompt)]
            case .commitAndProceed:
                commitCandidate()
            case .discardAndProceed:
                candidate = running
                uncommitted = false
            case .proceed:
                break
            }
            popConfig()
            return [.output(prompt)]
        }
    }
}
