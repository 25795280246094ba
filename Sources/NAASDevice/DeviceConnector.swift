import NAASCore

/// Opens the byte stream a session runs over: an authenticated SSH shell, or
/// a Telnet connection whose login the session answers in-band.
struct DeviceConnector {
    let algorithms: SSHAlgorithms

    /// The open transport, and whether the device will still ask for the login in-band.
    func open(
        _ target: DeviceTarget, platform: Platform, transport: DeviceTransportKind,
        credentials: Credentials, timeout: Double
    ) throws(DeviceFailure) -> (any DeviceTransport, loginInBand: Bool) {
        switch transport {
        case .telnet:
            return (try TelnetConnection(target: target, timeout: timeout), true)
        case .ssh:
            let username = credentials.username + platform.login.usernameSuffix
            let connection = try SSHConnection(target: target, username: username, timeout: timeout, algorithms: algorithms)
            if platform.login.inBandOnly, try connection.authenticateWithNone() {
                try connection.openShell()
                return (connection, true)
            }
            try connection.authenticate(username: username, password: credentials.password)
            try connection.openShell()
            return (connection, false)
        }
    }
}
