import CLibSSH
import Foundation
import NAASCore

/// One SSH connection through libssh, with a PTY shell channel.
/// Every call blocks, so a connection lives on one dedicated thread for its
/// whole life and is never touched from the Swift cooperative pool.
final class SSHConnection: DeviceTransport {
    private let session: ssh_session
    private var channel: ssh_channel?
    private let target: DeviceTarget

    /// Connects and completes the SSH handshake within `timeout` seconds.
    init(target: DeviceTarget, username: String, timeout: Double, algorithms: SSHAlgorithms) throws(DeviceFailure) {
        _ = LibSSH.initialized
        guard let session = ssh_new() else { throw DeviceFailure(.sshError, "libssh could not allocate a session") }
        self.session = session
        self.target = target

        var port = Int32(target.port)
        var seconds = Int(timeout.rounded(.down))
        var micros = Int((timeout - Double(seconds)) * 1_000_000)
        var on: Int32 = 1
        var off: Int32 = 0
        var noConfig = false
        ssh_options_set(session, SSH_OPTIONS_HOST, target.host)
        ssh_options_set(session, SSH_OPTIONS_PORT, &port)
        ssh_options_set(session, SSH_OPTIONS_USER, username)
        ssh_options_set(session, SSH_OPTIONS_TIMEOUT, &seconds)
        ssh_options_set(session, SSH_OPTIONS_TIMEOUT_USEC, &micros)
        // Without NODELAY every exchange waits on Nagle: ~45 ms more per connection.
        ssh_options_set(session, SSH_OPTIONS_NODELAY, &on)
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

        let started = ContinuousClock.now
        if ssh_connect(session) != SSH_OK {
            let message = lastError
            let elapsed = ContinuousClock.now - started
            // deinit runs for a fully initialised instance even when init throws: it frees the session.
            throw Self.classifyConnectFailure(message, elapsed: elapsed, timeout: timeout, target: target)
        }
    }

    deinit {
        if let channel {
            ssh_channel_close(channel)
            ssh_channel_free(channel)
        }
        ssh_disconnect(session)
        ssh_free(session)
    }

    private var lastError: String {
        String(cString: ssh_get_error(UnsafeMutableRawPointer(session)))
    }

    static func classifyConnectFailure(_ message: String, elapsed: Duration, timeout: Double, target: DeviceTarget) -> DeviceFailure {
        let lowered = message.lowercased()
        let place = "\(target.host):\(target.port)"
        if lowered.contains("refused") {
            return DeviceFailure(.connectionRefused, "Connection refused by \(place)")
        }
        if lowered.contains("timeout") || lowered.contains("timed out") || elapsed >= .seconds(timeout) {
            return DeviceFailure(.connectionTimeout, "No SSH handshake with \(place) within \(formatSeconds(timeout)) s")
        }
        return DeviceFailure(.sshError, "SSH connection to \(place) failed: \(message)")
    }

    /// Logs in with the password, falling back to keyboard-interactive
    /// (answering every question with the password), as devices behind
    /// TACACS or PAM often require.
    func authenticate(username: String, password: String) throws(DeviceFailure) {
        let result = ssh_userauth_password(session, nil, password)
        if result == SSH_AUTH_SUCCESS.rawValue { return }
        if result == SSH_AUTH_ERROR.rawValue {
            throw DeviceFailure(.sshError, "SSH error during authentication: \(lastError)")
        }
        let methods = UInt32(bitPattern: ssh_userauth_list(session, nil))
        if methods & SSH_AUTH_METHOD_INTERACTIVE != 0, try keyboardInteractive(password: password) { return }
        throw DeviceFailure(.authFailure, "Authentication failed for user \(username) on \(target.host):\(target.port)")
    }

    /// Tries SSH's `none` method, after which devices such as PowerConnect ask for the login
    /// in the shell. False when the server wants a real method instead.
    func authenticateWithNone() throws(DeviceFailure) -> Bool {
        let result = ssh_userauth_none(session, nil)
        if result == SSH_AUTH_ERROR.rawValue {
            throw DeviceFailure(.sshError, "SSH error during authentication: \(lastError)")
        }
        return result == SSH_AUTH_SUCCESS.rawValue
    }

    private func keyboardInteractive(password: String) throws(DeviceFailure) -> Bool {
        var rounds = 0
        while rounds < 5 {
            rounds += 1
            let status = ssh_userauth_kbdint(session, nil, nil)
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
    func openShell() throws(DeviceFailure) {
        guard let channel = ssh_channel_new(session) else {
            throw DeviceFailure(.sshError, "Could not create an SSH channel: \(lastError)")
        }
        self.channel = channel
        guard ssh_channel_open_session(channel) == SSH_OK else {
            throw DeviceFailure(.sshError, "The device refused a session channel: \(lastError)")
        }
        guard ssh_channel_request_pty_size(channel, "vt100", 511, 1000) == SSH_OK else {
            throw DeviceFailure(.sshError, "The device refused a terminal: \(lastError)")
        }
        guard ssh_channel_request_shell(channel) == SSH_OK else {
            throw DeviceFailure(.sshError, "The device refused a shell: \(lastError)")
        }
    }

    /// Sends text to the shell.
    func write(_ text: String) throws(DeviceFailure) {
        guard let channel else { throw DeviceFailure(.sshError, "No shell is open") }
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeMutableBytes { raw in
                ssh_channel_write(channel, raw.baseAddress! + offset, UInt32(raw.count - offset))
            }
            guard written > 0 else { throw DeviceFailure(.sshError, "Writing to the device failed: \(lastError)") }
            offset += Int(written)
        }
    }

    /// Reads whatever arrives within `milliseconds`. Returns nil at end of stream.
    func read(waitingAtMost milliseconds: Int32) throws(DeviceFailure) -> [UInt8]? {
        guard let channel else { throw DeviceFailure(.sshError, "No shell is open") }
        var buffer = [UInt8](repeating: 0, count: 32 * 1024)
        let count = buffer.withUnsafeMutableBytes { raw in
            ssh_channel_read_timeout(channel, raw.baseAddress, UInt32(raw.count), 0, milliseconds)
        }
        if count == SSH_ERROR { throw DeviceFailure(.sshError, "Reading from the device failed: \(lastError)") }
        if count == 0, ssh_channel_is_eof(channel) != 0 { return nil }
        return Array(buffer.prefix(Int(max(count, 0))))
    }
}

func formatSeconds(_ value: Double) -> String {
    value == value.rounded() ? String(Int(value)) : String(value)
}
