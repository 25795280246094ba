import CLibSSH
import NAASCore

#if canImport(Glibc)
import Glibc
#endif

/// One SSH connection through libssh in non-blocking mode, with a PTY shell
/// channel. Its socket is watched by a reactor loop: every libssh call
/// returns at once, and where libssh has to wait for the device
/// (`SSH_AGAIN`) the session parks on the loop until the socket is ready.
/// Created, used and dropped by one task running on that loop.
final class SSHConnection: DeviceTransport {
    private let session: ssh_session
    private var channel: ssh_channel?
    private let target: DeviceTarget
    private let loop: ReactorLoop
    private let socket: Int32
    /// How long each step of opening the connection may take (connect, handshake, login, shell).
    private let timeout: Double

    private init(session: ssh_session, socket: Int32, target: DeviceTarget, loop: ReactorLoop, timeout: Double) {
        self.session = session
        self.socket = socket
        self.target = target
        self.loop = loop
        self.timeout = timeout
    }

    /// Connects and completes the SSH handshake within `timeout` seconds.
    static func connect(
        to target: DeviceTarget, username: String, timeout: Double, algorithms: SSHAlgorithms, on loop: ReactorLoop
    ) async throws(DeviceFailure) -> SSHConnection {
        _ = LibSSH.initialized
        let socket = try await TCPConnector(loop: loop).connect(
            to: target, deadline: .now + .seconds(timeout), timeout: timeout, protocolName: "SSH")
        guard let session = ssh_new() else {
            close(socket)
            throw DeviceFailure(.sshError, "libssh could not allocate a session")
        }
        let connection = SSHConnection(session: session, socket: socket, target: target, loop: loop, timeout: timeout)
        connection.configure(username: username, algorithms: algorithms)
        try await connection.handshake()
        return connection
    }

    deinit {
        if let channel {
            ssh_channel_close(channel)
            ssh_channel_free(channel)
        }
        ssh_disconnect(session)
        ssh_free(session)
        // A socket handed to libssh with SSH_OPTIONS_FD stays its caller's to close.
        close(socket)
    }

    private func configure(username: String, algorithms: SSHAlgorithms) {
        var socket = self.socket
        var off: Int32 = 0
        var noConfig = false
        ssh_options_set(session, SSH_OPTIONS_FD, &socket)
        ssh_options_set(session, SSH_OPTIONS_HOST, target.host)
        ssh_options_set(session, SSH_OPTIONS_USER, username)
        // Devices are reached by address and re-keyed often; like Netmiko, host keys are not pinned.
        ssh_options_set(session, SSH_OPTIONS_STRICTHOSTKEYCHECK, &off)
        ssh_options_set(session, SSH_OPTIONS_KNOWNHOSTS, "/dev/null")
        ssh_options_set(session, SSH_OPTIONS_GLOBAL_KNOWNHOSTS, "/dev/null")
        ssh_options_set(session, SSH_OPTIONS_PROCESS_CONFIG, &noConfig)
        if let kex = algorithms.keyExchange { ssh_options_set(session, SSH_OPTIONS_KEY_EXCHANGE, kex) }
        if let keys = algorithms.hostKeys { ssh_options_set(session, SSH_OPTIONS_HOSTKEYS, keys) }
        if let ciphers = algorithms.ciphers {
            ssh_options_set(session, SSH_OPTIONS_CIPHERS_C_S, ciphers)
            ssh_options_set(session, SSH_OPTIONS_CIPHERS_S_C, ciphers)
        }
        if let macs = algorithms.macs {
            ssh_options_set(session, SSH_OPTIONS_HMAC_C_S, macs)
            ssh_options_set(session, SSH_OPTIONS_HMAC_S_C, macs)
        }
        ssh_set_blocking(session, 0)
    }

    private func handshake() async throws(DeviceFailure) {
        let place = "\(target.host):\(target.port)"
        let deadline = ContinuousClock.now + .seconds(timeout)
        var status = ssh_connect(session)
        while status == SSH_AGAIN {
            guard await waitForSocket(until: deadline) else {
                throw DeviceFailure(.connectionTimeout, "No SSH handshake with \(place) within \(formatSeconds(timeout)) s")
            }
            status = ssh_connect(session)
        }
        if status != SSH_OK {
            throw Self.classifyConnectFailure(lastError, target: target)
        }
    }

    private var lastError: String {
        String(cString: ssh_get_error(UnsafeMutableRawPointer(session)))
    }

    static func classifyConnectFailure(_ message: String, target: DeviceTarget) -> DeviceFailure {
        let place = "\(target.host):\(target.port)"
        if message.lowercased().contains("refused") {
            return DeviceFailure(.connectionRefused, "Connection refused by \(place)")
        }
        return DeviceFailure(.sshError, "SSH connection to \(place) failed: \(message)")
    }

    /// Waits until libssh can make progress: the socket readable, or writable
    /// too while libssh holds output the kernel would not take yet.
    private func waitForSocket(until deadline: ContinuousClock.Instant) async -> Bool {
        var interest = ReactorLoop.Interest.readable
        if ssh_get_poll_flags(session) & SSH_WRITE_PENDING != 0 { interest.insert(.writable) }
        return await loop.wait(for: socket, interest, until: deadline)
    }

    /// Repeats a libssh call while it answers `again`, waiting on the socket between tries.
    private func repeating(
        _ step: String, again: Int32, _ call: () -> Int32
    ) async throws(DeviceFailure) -> Int32 {
        let deadline = ContinuousClock.now + .seconds(timeout)
        var status = call()
        while status == again {
            guard await waitForSocket(until: deadline) else {
                throw DeviceFailure(.connectionTimeout, "No answer from \(target.host):\(target.port) to \(step) within \(formatSeconds(timeout)) s")
            }
            status = call()
        }
        return status
    }

    private func authenticating(_ call: () -> Int32) async throws(DeviceFailure) -> Int32 {
        try await repeating("the SSH login", again: Int32(SSH_AUTH_AGAIN.rawValue), call)
    }

    /// Logs in with the password, falling back to keyboard-interactive
    /// (answering every question with the password), as devices behind
    /// TACACS or PAM often require.
    func authenticate(username: String, password: String) async throws(DeviceFailure) {
        let result = try await authenticating { ssh_userauth_password(session, nil, password) }
        if result == SSH_AUTH_SUCCESS.rawValue { return }
        if result == SSH_AUTH_ERROR.rawValue {
            throw DeviceFailure(.sshError, "SSH error during authentication: \(lastError)")
        }
        let methods = UInt32(bitPattern: ssh_userauth_list(session, nil))
        if methods & SSH_AUTH_METHOD_INTERACTIVE != 0, try await keyboardInteractive(password: password) { return }
        throw DeviceFailure(.authFailure, "Authentication failed for user \(username) on \(target.host):\(target.port)")
    }

    /// Tries SSH's `none` method, after which devices such as PowerConnect ask for the login
    /// in the shell. False when the server wants a real method instead.
    func authenticateWithNone() async throws(DeviceFailure) -> Bool {
        let result = try await authenticating { ssh_userauth_none(session, nil) }
        if result == SSH_AUTH_ERROR.rawValue {
            throw DeviceFailure(.sshError, "SSH error during authentication: \(lastError)")
        }
        return result == SSH_AUTH_SUCCESS.rawValue
    }

    private func keyboardInteractive(password: String) async throws(DeviceFailure) -> Bool {
        for _ in 0..<5 {
            let status = try await authenticating { ssh_userauth_kbdint(session, nil, nil) }
            if status == SSH_AUTH_SUCCESS.rawValue { return true }
            if status == SSH_AUTH_DENIED.rawValue { return false }
            if status == SSH_AUTH_ERROR.rawValue {
                throw DeviceFailure(.sshError, "SSH error during authentication: \(lastError)")
            }
            guard status == SSH_AUTH_INFO.rawValue else { return false }
            let prompts = ssh_userauth_kbdint_getnprompts(session)
            for index in 0..<max(prompts, 0) {
                ssh_userauth_kbdint_setanswer(session, UInt32(index), password)
            }
        }
        return false
    }

    /// Opens a session channel with a PTY and starts the login shell.
    func openShell() async throws(DeviceFailure) {
        guard let channel = ssh_channel_new(session) else {
            throw DeviceFailure(.sshError, "Could not create an SSH channel: \(lastError)")
        }
        self.channel = channel
        guard try await repeating("opening a channel", again: SSH_AGAIN, { ssh_channel_open_session(channel) }) == SSH_OK else {
            throw DeviceFailure(.sshError, "The device refused a session channel: \(lastError)")
        }
        guard try await repeating("the terminal request", again: SSH_AGAIN, {
            ssh_channel_request_pty_size(channel, "vt100", 511, 1000)
        }) == SSH_OK else {
            throw DeviceFailure(.sshError, "The device refused a terminal: \(lastError)")
        }
        guard try await repeating("the shell request", again: SSH_AGAIN, { ssh_channel_request_shell(channel) }) == SSH_OK else {
            throw DeviceFailure(.sshError, "The device refused a shell: \(lastError)")
        }
    }

    /// Sends text to the shell; waits (on the loop) while the device's window is full.
    func write(_ text: String) async throws(DeviceFailure) {
        guard let channel else { throw DeviceFailure(.sshError, "No shell is open") }
        var bytes = Array(text.utf8)
        var offset = 0
        let deadline = ContinuousClock.now + .seconds(timeout)
        while offset < bytes.count {
            let written = bytes.withUnsafeMutableBytes { raw in
                ssh_channel_write(channel, raw.baseAddress! + offset, UInt32(raw.count - offset))
            }
            if written > 0 {
                offset += Int(written)
                continue
            }
            guard written == 0 || written == SSH_AGAIN else {
                throw DeviceFailure(.sshError, "Writing to the device failed: \(lastError)")
            }
            guard await waitForSocket(until: deadline) else {
                throw DeviceFailure(.sshError, "Writing to the device failed: it took nothing for \(formatSeconds(timeout)) s")
            }
        }
    }

    /// Reads whatever arrives within `milliseconds`. Returns nil at end of stream.
    func read(waitingAtMost milliseconds: Int32) async throws(DeviceFailure) -> [UInt8]? {
        guard let channel else { throw DeviceFailure(.sshError, "No shell is open") }
        let deadline = ContinuousClock.now + .milliseconds(Int(milliseconds))
        while true {
            var buffer = [UInt8](repeating: 0, count: 32 * 1024)
            let count = buffer.withUnsafeMutableBytes { raw in
                ssh_channel_read_nonblocking(channel, raw.baseAddress, UInt32(raw.count), 0)
            }
            if count > 0 {
                buffer.removeSubrange(Int(count)...)
                return buffer
            }
            if count == SSH_EOF || ssh_channel_is_eof(channel) != 0 || ssh_channel_is_closed(channel) != 0 { return nil }
            if count == SSH_ERROR { throw DeviceFailure(.sshError, "Reading from the device failed: \(lastError)") }
            // The read above has polled the socket already: a caller that will not wait is answered now.
            guard milliseconds > 0, await waitForSocket(until: deadline) else { return [] }
        }
    }
}

func formatSeconds(_ value: Double) -> String {
    value == value.rounded() ? String(Int(value)) : String(value)
}
