import Crypto
import Foundation
import NAASCore

/// Seals device credentials with AES-GCM before they touch the disk, and
/// opens them again for the worker that runs the job.
public struct CredentialVault: Sendable {
    // SymmetricKey is not Sendable; its bytes are, and rebuilding it is cheap.
    private let keyBytes: Data
    /// Keys replaced by a rotation: they still open credentials sealed before it.
    private let previousKeyBytes: [Data]

    public init(key: SymmetricKey, previousKeys: [SymmetricKey] = []) {
        self.keyBytes = key.withUnsafeBytes { Data($0) }
        self.previousKeyBytes = previousKeys.map { $0.withUnsafeBytes { Data($0) } }
    }

    private var key: SymmetricKey { SymmetricKey(data: keyBytes) }

    public func seal(_ credentials: Credentials) throws -> Data {
        let plain = credentials.storedJSON
        guard let combined = try AES.GCM.seal(plain, using: key, nonce: Self.randomNonce()).combined else {
            throw StoreError.invalidEncryptionKey("AES-GCM produced no output")
        }
        return combined
    }

    /// Seals any secret text (a webhook's signing secret).
    public func seal(secret: String) throws -> Data {
        guard let combined = try AES.GCM.seal(Data(secret.utf8), using: key, nonce: Self.randomNonce()).combined else {
            throw StoreError.invalidEncryptionKey("AES-GCM produced no output")
        }
        return combined
    }

    /// A random 96-bit nonce, as `AES.GCM.Nonce()` draws it, in one system call instead of two.
    private static func randomNonce() throws -> AES.GCM.Nonce {
        try AES.GCM.Nonce(data: SystemRandom.bytes(12))
    }

    public func openSecret(_ sealed: Data, jobID: String) throws -> String {
        guard let box = try? AES.GCM.SealedBox(combined: sealed) else { throw StoreError.undecryptableCredentials(jobID) }
        for candidate in [keyBytes] + previousKeyBytes {
            if let plain = try? AES.GCM.open(box, using: SymmetricKey(data: candidate)) {
                return String(decoding: plain, as: UTF8.self)
            }
        }
        throw StoreError.undecryptableCredentials(jobID)
    }

    public func open(_ sealed: Data, jobID: String) throws -> Credentials {
        guard let box = try? AES.GCM.SealedBox(combined: sealed) else {
            throw StoreError.undecryptableCredentials(jobID)
        }
        for candidate in [keyBytes] + previousKeyBytes {
            if let plain = try? AES.GCM.open(box, using: SymmetricKey(data: candidate)),
               let credentials = try? JSONDecoder().decode(Credentials.self, from: plain) {
                return credentials
            }
        }
        throw StoreError.undecryptableCredentials(jobID)
    }
}
