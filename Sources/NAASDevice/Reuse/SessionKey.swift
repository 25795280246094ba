import Crypto
import Foundation
import NAASCore

/// What a job must share with an idle session to be served by it: the same
/// device, platform and transport, and the same login. The login is held
/// as a keyed hash, never as the secret, so a pooled session's key says
/// nothing about the credentials that opened it.
struct SessionKey: Hashable, Sendable {
    let device: DeviceAddressKey
    let platform: String
    let transport: DeviceTransportKind
    let login: CredentialFingerprint

    init(target: DeviceTarget, platform: Platform, transport: DeviceTransportKind, credentials: Credentials) {
        device = DeviceAddressKey(host: target.host.lowercased(), port: target.port)
        self.platform = platform.name
        self.transport = transport
        login = CredentialFingerprint(credentials)
    }
}

/// A device as the per-device cap counts it.
struct DeviceAddressKey: Hashable, Sendable {
    let host: String
    let port: Int
}

/// HMAC-SHA256 of the username, password and enable secret under a key made
/// at start-up and kept only in memory: equal logins give equal
/// fingerprints within the process, and a fingerprint cannot be tested
/// against guessed passwords anywhere else.
struct CredentialFingerprint: Hashable, Sendable {
    /// Random bytes drawn once per process (a `SymmetricKey` is not Sendable, so it is rebuilt per use).
    private static let processKey: [UInt8] = SymmetricKey(size: .bits256).withUnsafeBytes { Array($0) }

    private let digest: Data

    init(_ credentials: Credentials) {
        var material = Data()
        // Lengths first, so no two different logins concatenate to the same bytes.
        for field in [credentials.username, credentials.password, credentials.enableSecret ?? ""] {
            let bytes = Data(field.utf8)
            withUnsafeBytes(of: UInt64(bytes.count).bigEndian) { material.append(contentsOf: $0) }
            material.append(bytes)
        }
        material.append(credentials.enableSecret == nil ? 0 : 1)
        digest = Data(HMAC<SHA256>.authenticationCode(for: material, using: SymmetricKey(data: Self.processKey)))
    }
}
