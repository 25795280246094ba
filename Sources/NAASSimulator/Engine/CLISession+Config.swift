extension CLISession {
    /// A line typed in a config mode: opens a sub-mode, removes, adds, or is rejected.
    func configLine(_ line: String, words: [Substring]) -> [SessionEffect] {
        let frame = stack[stack.count - 1]
        let abbreviations = false
        for sub in os.subModes where sub.from.contains(frame.mode) {
            if let args = WordPattern(sub.pattern).match(words, abbreviations: abbreviations) {
                record("config", line, ["accepted": "true"])
                let path = edit { $0.add(line, under: frame.path) }
                let context: String
                switch sub.context {
                case .none: context = ""
                case .argumentsJoined: context = args.joined()
                case .lastWord: context = String(words.last ?? "").replacing("\"", with: "")
                }
                push(sub.mode, context: context, path: path)
                return replied([])
            }
        }
        if let rejection = os.mode(frame.mode).lineRejection {
            record("config", line, ["accepted": "false"])
            return replied(errorText(rejection, line: line))
        }
        // A removal names the stored line without its prefix (`delete x` for `set x`), so it is checked with it.
        let stored = os.config.storedPrefix.map { [Substring($0)] } ?? []
        if let negation = os.config.negation, words.first == Substring(negation), words.count > 1,
           accepts(stored + words.dropFirst()) {
            record("config", line, ["accepted": "true"])
            let named = words.dropFirst().joined(separator: " ")
            let rest = os.config.storedPrefix.map { $0 + " " + named } ?? named
            _ = edit { store -> [Int] in
                store.remove(prefix: rest, under: frame.path)
                // Cisco keeps `no shutdown`-style lines in the config; a negated sub-mode line is kept too.
                if !frame.path.isEmpty && os.config.storedPrefix == nil { store.add(line, under: frame.path) }
                return []
            }
            return replied([])
        }
        guard accepts(words) else {
            record("config", line, ["accepted": "false"])
            return replied(errorText(os.config.invalidLine, line: line))
        }
        record("config", line, ["accepted": "true"])
        let key = words.first.flatMap { os.config.singleValued[String($0)] }.map { words.prefix($0).joined(separator: " ") }
        _ = edit { store -> [Int] in
            if let key { store.remove(prefix: key, under: frame.path) }
            return store.add(line, under: frame.path)
        }
        return replied([])
    }

    private func accepts(_ words: [Substring]) -> Bool {
        os.config.accepted.contains { WordPattern($0).match(words, abbreviations: false) != nil }
    }

    /// Applies a change to the candidate on commit platforms, else to the running config.
    private func edit(_ change: (inout ConfigStore) -> [Int]) -> [Int] {
        if os.config.commit != nil {
            uncommitted = true
            return change(&candidate)
        }
        unsaved = true
        return change(&running)
    }

    /// Builds the starting config from the profile's lines: a line indented deeper than the one
    /// above it is nested under it, to any depth (FortiOS `config` / `edit` / `set`).
    func applyInitial(_ lines: [String]) {
        var open: [(indent: Int, path: [Int])] = []
        for line in lines {
            let indent = line.prefix { $0 == " " }.count
            let text = line.trimmingSpaces().commandWords().joined(separator: " ")
            while let last = open.last, last.indent >= indent { open.removeLast() }
            let path = running.add(text, under: open.last?.path ?? [])
            open.append((indent, path))
        }
    }

    func commit() -> [SessionEffect] {
        guard let spec = os.config.commit else { return replied(errorText(os.invalidCommand, line: "commit")) }
        let changed = uncommitted
        commitCandidate()
        if !changed, let text = spec.noChanges { return replied(lines(text)) }
        return replied(lines(spec.success.filled(values)))
    }

    func commitCandidate() {
        record("commit", "", ["changed": uncommitted ? "true" : "false"])
        running = candidate
        uncommitted = false
        unsaved = true
    }

    func save(step: Int) -> [SessionEffect] {
        guard let spec = os.config.save else { return replied(errorText(os.invalidCommand, line: "save")) }
        if step < spec.questions.count {
            let question = spec.questions[step]
            state = .question(question, then: .save(step: step))
            var effects: [SessionEffect] = []
            if step == 0 && device.commandLatencyMs > 0 { effects.append(.delay(milliseconds: device.commandLatencyMs)) }
            return effects + [.output(question.text.filled(values))]
        }
        record("save", "")
        unsaved = false
        return replied(lines(spec.done.filled(values)), latency: spec.questions.isEmpty)
    }
}
