import NAASCore

/// Opens the byte stream a session runs over: an SSH shell (authenticated,
/// or with SSH `none` where the device asks for the login itself), or a
/// Telnet connection. In-band login questions are the session's to answer.
struct DeviceConnector {
    let algorithms: SSHAlgorithms
    let loop: ReactorLoop

    func open(
        _ target: DeviceTarget, platform: Platform, transport: DeviceTransportKind,
        credentials: Credentials, timeout: Double
    ) async throws(DeviceFailure) -> any DeviceTransport {
        switch transport {
        case .telnet:
            return try await TelnetConnection.connect(to: target, timeout: timeout)
        case .ssh:
            let username = credentials.username + platform.login.usernameSuffix
            let connection = try await SSHConnection.connect(
                to: target, username: username, timeout: timeout, algorithms: algorithms, on: loop)
            if platform.login.inBandOnly, try await connection.authenticateWithNone() {
                try await connection.openShell()
                return connection
            }
            try await connection.authenticate(username: username, password: credentials.password)
            try await connection.openShell()
            return connection
        }
    }
}
