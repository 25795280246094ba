import Synchronization

/// One CLI conversation with a simulated device, driven by bytes, free of sockets.
///
/// The transport feeds it what the client typed and carries out the returned
/// effects in order. It belongs to one event loop and is never shared.
public final class CLISession {
    let os: SimulatedOS
    let device: DeviceProfile
    let events: (any EventSink)?
    let transport: String
    /// Numbers the sessions of the process, so events show which session a line was typed in.
    private static let sessionsStarted = Atomic<Int>(0)
    /// This session's number, recorded as `session` in its events.
    let number = CLISession.sessionsStarted.add(1, ordering: .relaxed).newValue

    var state: InputState = .line
    var buffer: [UInt8] = []
    var lastWasCR = false
    var stack: [ModeFrame] = []
    var paging: Bool
    /// The device's own state, shared by all its sessions.
    let shared: DeviceState
    var candidate = ConfigStore()
    var uncommitted = false
    var counter = 1
    var user: String
    var loggedOut = false
    /// Login name typed before the enable secret, where the OS asks for one.
    var enableName = ""
    /// The typed line is repainted with the prompt on RETURN (see `SimulatedOS.echoRepaint`).
    var repainting: Bool

    /// Creates a session for `device` running `os`; `transport` is recorded in events.
    /// `state` is the device's own, shared with its other sessions; without it the session has a device to itself.
    public init(
        os: SimulatedOS, device: DeviceProfile, events: (any EventSink)? = nil, transport: String = "ssh",
        state: DeviceState = DeviceState()
    ) {
        self.os = os
        self.device = device
        self.events = events
        self.transport = transport
        self.shared = state
        self.paging = os.pager.enabledAtLogin
        self.repainting = os.echoRepaint
        self.user = device.username
        stack = [ModeFrame(mode: device.startPrivileged ? os.privilegedStartMode : os.startMode)]
        state.seedOnce {
            applyInitial(os.config.initial.map { $0.filled(["host": device.hostname]) })
        }
        candidate = running
    }

    /// The device's running configuration.
    var running: ConfigStore {
        get { shared.running }
        set { shared.running = newValue }
    }

    /// Whether the device has configuration applied since its last save.
    var unsaved: Bool {
        get { shared.unsaved }
        set { shared.unsaved = newValue }
    }

    /// The text the session shows right now as its prompt.
    public var prompt: String {
        let frame = stack.last ?? ModeFrame(mode: os.startMode)
        return os.mode(frame.mode).prompt.filled([
            "host": device.hostname, "user": user, "n": String(counter),
            "unsaved": unsaved ? os.config.unsavedMarker : "", "ctx": frame.context,
        ])
    }

    /// Id of the current mode.
    public var currentMode: String { stack.last?.mode ?? os.startMode }

    /// The running configuration as the device prints it.
    public var runningConfigText: [String] {
        ConfigRenderer(rendering: os.config.rendering, values: values).render(running)
    }

    /// The candidate configuration as the device prints it.
    public var candidateConfigText: [String] {
        ConfigRenderer(rendering: os.config.rendering, values: values).render(candidate)
    }

    var values: [String: String] { ["host": device.hostname, "user": user] }
    var level: ModeLevel { os.mode(currentMode).level }

    /// Feeds typed bytes; returns what to send back (echo included) and do.
    public func receive(_ bytes: some Sequence<UInt8>) -> [SessionEffect] {
        var effects: [SessionEffect] = []
        for byte in bytes {
            effects += receive(byte: byte)
            if case .closed = state { break }
        }
        return Self.merged(effects)
    }

    /// Records the end of the session once, however it ended.
    public func connectionClosed() {
        guard !loggedOut else { return }
        loggedOut = true
        record("logout", "")
    }

    private func receive(byte: UInt8) -> [SessionEffect] {
        switch state {
        case .closed, .hung:
            return []
        case .pager(let remaining):
            return pagerKey(byte, remaining: remaining)
        case .question(let question, let then) where question.singleKey:
            if byte == 0x0A && lastWasCR { lastWasCR = false; return [] }
            lastWasCR = byte == 0x0D
            let answer = byte == 0x0D || byte == 0x0A ? "" : String(decoding: [byte], as: UTF8.self)
            return [.output(answer + "\r\n")] + answered(question, answer, then: then)
        default:
            return lineKey(byte)
        }
    }

    private func lineKey(_ byte: UInt8) -> [SessionEffect] {
        let afterCR = lastWasCR
        lastWasCR = byte == 0x0D
        switch byte {
        case 0x0A where afterCR, 0x00:
            return []
        case 0x0D, 0x0A:
            let line = String(decoding: buffer, as: UTF8.self)
            buffer.removeAll()
            if repainting, case .line = state, !line.isEmpty {
                let promptLine = prompt.split(separator: "\n", omittingEmptySubsequences: false).last ?? ""
                return [.output("\r" + promptLine + line + "\r\n")] + complete(line)
            }
            return [.output("\r\n")] + complete(line)
        case 0x08, 0x7F:
            guard !buffer.isEmpty else { return [] }
            buffer.removeLast()
            return echoing ? [.output("\u{8} \u{8}")] : []
        case 0x03:
            buffer.removeAll()
            guard case .line = state else { return [] }
            return [.output("^C\r\n" + prompt)]
        case 0x1A where level == .config:
            buffer.removeAll()
            return [.output("^Z\r\n")] + leaveConfig(discard: false)
        case 0x1B, 0x09:
            return []
        default:
            buffer.append(byte)
            return echoing ? [.output(String(decoding: [byte], as: UTF8.self))] : []
        }
    }

    private var echoing: Bool {
        switch state {
        case .password, .secret: return false
        default: return true
        }
    }

    private func complete(_ line: String) -> [SessionEffect] {
        switch state {
        case .username(let failures):
            return loginName(line, failures: failures)
        case .password(let name, let failures):
            return loginPassword(line, user: name, failures: failures)
        case .secretUsername(let mode, let text):
            enableName = line
            state = .secret(mode: mode, text: text)
            return [.output(os.passwordPrompt.filled(values))]
        case .secret(let mode, let text):
            state = .line
            if line == device.enableSecret && (os.enableUsernamePrompt == nil || enableName == device.username) {
                push(mode)
                return replied(text.isEmpty ? [] : [text])
            }
            return replied([os.badPassword])
        case .question(let question, let then):
            return answered(question, line, then: then)
        default:
            return commandLine(line)
        }
    }

    func record(_ event: String, _ line: String, _ fields: [String: String] = [:]) {
        var all = fields
        all["mode"] = currentMode
        all["session"] = String(number)
        events?.record(device: device.name, event: event, line: line, fields: all)
    }

    /// Output lines followed by the prompt, after the command latency.
    func replied(_ lines: [String], latency: Bool = true) -> [SessionEffect] {
        var effects: [SessionEffect] = []
        if latency && device.commandLatencyMs > 0 { effects.append(.delay(milliseconds: device.commandLatencyMs)) }
        return effects + paged(lines)
    }

    /// Lines shown through the pager when paging is on and they do not fit a page.
    func paged(_ lines: [String]) -> [SessionEffect] {
        let page = os.pager.pageLines - 1
        let configuredOff = os.pager.offWhileConfigured.map { running.contains($0) } ?? false
        guard paging, !configuredOff, lines.count > page else {
            state = .line
            return [.output(lines.map { $0 + "\r\n" }.joined() + prompt)]
        }
        state = .pager(remaining: lines[page...])
        return [.output(lines[..<page].map { $0 + "\r\n" }.joined() + pagerPrompt(shown: page))]
    }

    private func pagerKey(_ byte: UInt8, remaining: ArraySlice<String>) -> [SessionEffect] {
        let count: Int
        switch byte {
        case 0x20: count = os.pager.pageLines - 1
        case 0x0D, 0x0A: count = 1
        default:
            state = .line
            return [.output(os.pager.erase + prompt)]
        }
        let shown = remaining.prefix(count)
        let rest = remaining.dropFirst(count)
        let text = os.pager.erase + shown.map { $0 + "\r\n" }.joined()
        if rest.isEmpty {
            state = .line
            return [.output(text + prompt)]
        }
        state = .pager(remaining: rest)
        return [.output(text + pagerPrompt(shown: rest.startIndex))]
    }

    /// The pager prompt; `{first}`-`{last}` are the lines on screen (PAN-OS `lines 1-49 `).
    private func pagerPrompt(shown: Int) -> String {
        os.pager.prompt.filled(["first": String(max(1, shown - os.pager.pageLines + 2)), "last": String(shown)])
    }

    /// Joins neighbouring outputs so a transport writes them at once.
    static func merged(_ effects: [SessionEffect]) -> [SessionEffect] {
        var result: [SessionEffect] = []
        for effect in effects {
            if case .output(let text) = effect, case .output(let previous)? = result.last {
                result[result.count - 1] = .output(previous + text)
            } else {
                result.append(effect)
            }
        }
        return result
    }
}
