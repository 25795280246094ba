import NIOCore
import NIOSSH

/// Checks SSH logins against one device's account; remembers who logged in.
final class DeviceAuthenticator: NIOSSHServerUserAuthenticationDelegate, @unchecked Sendable {
    // Touched only on the connection's event loop, which the SSH handler guarantees.
    private let device: DeviceProfile
    private let os: SimulatedOS
    private let keys: [NIOSSHPublicKey]
    private(set) var username: String?

    init(device: DeviceProfile, os: SimulatedOS) {
        self.device = device
        self.os = os
        self.keys = device.authorizedKeys.compactMap { try? NIOSSHPublicKey(openSSHPublicKey: $0) }
    }

    var supportedAuthenticationMethods: NIOSSHAvailableUserAuthenticationMethods {
        keys.isEmpty ? .password : [.password, .publicKey]
    }

    func requestReceived(request: NIOSSHUserAuthenticationRequest,
                         responsePromise: EventLoopPromise<NIOSSHUserAuthenticationOutcome>) {
        let name = loginName(request.username)
        guard device.fault != .rejectAuth else { return responsePromise.succeed(.failure) }
        let accepted: Bool
        switch request.request {
        case .none:
            // Devices that log in in-band (PowerConnect) let the SSH layer through unchecked.
            accepted = os.login.inBandAfterSSH
        case .password(let password):
            accepted = name == device.username && password.password == device.password
        case .publicKey(let key):
            accepted = name == device.username && keys.contains(key.publicKey)
        case .hostBased:
            accepted = false
        }
        if accepted { username = name }
        responsePromise.succeed(accepted ? .success : .failure)
    }

    /// The login name without option suffixes such as MikroTik's `+ct511w4098h`.
    private func loginName(_ raw: String) -> String {
        guard let separator = os.usernameOptionSeparator, let cut = raw.firstIndex(of: separator) else { return raw }
        return String(raw[..<cut])
    }
}
