import NAASCore

/// Opens the byte stream a session runs over: an SSH shell (authenticated,
/// or with SSH `none` where the device asks for the login itself), or a
/// Telnet connection. In-band login questions are the session's to answer.
struct DeviceConnector {
    let algorithms: SSHAlgorithms

    func open(
        _ target: DeviceTarget, platform: Platform, transport: DeviceTransportKind,
        credentials: Credentials, timeout: Double
    ) throws(DeviceFailure) -> any DeviceTransport {
        switch transport {
        case .telnet:
            return try TelnetConnection(target: target, timeout: timeout)
        case .ssh:
            let username = credentials.username + platform.login.usernameSuffix
            let connection = try SSHConnection(target: target, username: username, timeout: timeout, algorithms: algorithms)
            if platform.login.inBandOnly, try connection.authenticateWithNone() {
                try connection.openShell()
                return connection
            }
            try connection.authenticate(username: username, password: credentials.password)
            try connection.openShell()
            return connection
        }
    }
}
