import CLibSSH

/// One round with nothing but libssh: connect, password login, PTY shell,
/// wait for the prompt, run one command, wait for the prompt again, close.
/// No paging set-up, no prompt regex, no output cleaning: this is the floor.
struct RawShellRound {
    let host: String
    let port: Int
    let user: String
    let password: String
    /// Generous: a round on loopback takes milliseconds, and a stuck one should fail, not hang.
    let timeoutMilliseconds = 5_000

    private static let initialized: Bool = ssh_init() == 0

    /// Runs `command` and returns everything the shell printed after it was sent.
    func run(_ command: String) throws -> String {
        guard Self.initialized, let session = ssh_new() else { throw BenchFailure("libssh could not start a session") }
        defer {
            ssh_disconnect(session)
            ssh_free(session)
        }
        configure(session)
        guard ssh_connect(session) == SSH_OK else { throw failure("connect", session) }
        guard ssh_userauth_password(session, nil, password) == SSH_AUTH_SUCCESS.rawValue else {
            throw failure("password login", session)
        }
        guard let channel = ssh_channel_new(session) else { throw failure("channel", session) }
        defer {
            ssh_channel_close(channel)
            ssh_channel_free(channel)
        }
        guard ssh_channel_open_session(channel) == SSH_OK,
              ssh_channel_request_pty(channel) == SSH_OK,
              ssh_channel_request_shell(channel) == SSH_OK
        else { throw failure("shell", session) }

        let greeting = try read(channel, session) { $0.hasSuffix("#") }
        let prompt = Self.lastLine(of: greeting)
        try write(command + "\n", to: channel, session)
        // The prompt counts only after the echoed command line has ended.
        return try read(channel, session) { $0.contains("\n") && $0.hasSuffix(prompt) }
    }

    private func configure(_ session: ssh_session) {
        var port = Int32(port)
        var on: Int32 = 1
        var off: Int32 = 0
        var noConfig = false
        ssh_options_set(session, SSH_OPTIONS_HOST, host)
        ssh_options_set(session, SSH_OPTIONS_PORT, &port)
        ssh_options_set(session, SSH_OPTIONS_USER, user)
        // Without it Nagle holds back the small packets of every exchange.
        ssh_options_set(session, SSH_OPTIONS_NODELAY, &on)
        ssh_options_set(session, SSH_OPTIONS_STRICTHOSTKEYCHECK, &off)
        ssh_options_set(session, SSH_OPTIONS_KNOWNHOSTS, "/dev/null")
        ssh_options_set(session, SSH_OPTIONS_GLOBAL_KNOWNHOSTS, "/dev/null")
        // Reading ~/.ssh/config would make the floor depend on the machine it runs on.
        ssh_options_set(session, SSH_OPTIONS_PROCESS_CONFIG, &noConfig)
    }

    /// Reads until `done` holds for everything read so far (trailing spaces ignored).
    private func read(_ channel: ssh_channel, _ session: ssh_session, until done: (String) -> Bool) throws -> String {
        let deadline = ContinuousClock.now + .milliseconds(timeoutMilliseconds)
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 16 * 1024)
        while ContinuousClock.now < deadline {
            let count = buffer.withUnsafeMutableBytes { raw in
                ssh_channel_read_timeout(channel, raw.baseAddress, UInt32(raw.count), 0, 200)
            }
            if count == SSH_ERROR { throw failure("read", session) }
            if count == 0, ssh_channel_is_eof(channel) != 0 { throw BenchFailure("the device closed the shell") }
            bytes += buffer.prefix(Int(count))
            let text = String(decoding: bytes, as: UTF8.self)
            if done(Self.trimmingTrailingSpaces(text)) { return text }
        }
        throw BenchFailure("no prompt within \(timeoutMilliseconds) ms; read \(String(decoding: bytes, as: UTF8.self).debugDescription)")
    }

    private func write(_ text: String, to channel: ssh_channel, _ session: ssh_session) throws {
        var bytes = Array(text.utf8)
        let written = bytes.withUnsafeMutableBytes { raw in
            ssh_channel_write(channel, raw.baseAddress, UInt32(raw.count))
        }
        guard written == bytes.count else { throw failure("write", session) }
    }

    private func failure(_ step: String, _ session: ssh_session) -> BenchFailure {
        BenchFailure("\(step) failed: \(String(cString: ssh_get_error(UnsafeMutableRawPointer(session))))")
    }

    private static func trimmingTrailingSpaces(_ text: String) -> String {
        var end = text.endIndex
        while end > text.startIndex, text[text.index(before: end)].isWhitespace { end = text.index(before: end) }
        return String(text[..<end])
    }

    private static func lastLine(of text: String) -> String {
        let trimmed = trimmingTrailingSpaces(text)
        let line = trimmed.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r" || $0 == "\r\n" }.last
        return String(line ?? Substring(trimmed))
    }
}
