import Crypto
import Foundation
import NAASCore

/// Seals device credentials with AES-GCM before they touch the disk, and
/// opens them again for the worker that runs the job.
public struct CredentialVault: Sendable {
    // SymmetricKey is not Sendable; its bytes are, and rebuilding it is cheap.
    private let keyBytes: Data

    public init(key: SymmetricKey) {
        self.keyBytes = key.withUnsafeBytes { Data($0) }
    }

    private var key: SymmetricKey { SymmetricKey(data: keyBytes) }

    public func seal(_ credentials: Credentials) throws -> Data {
        let plain = try JSONEncoder().encode(credentials)
        guard let combined = try AES.GCM.seal(plain, using: key).combined else {
            throw StoreError.invalidEncryptionKey("AES-GCM produced no output")
        }
        return combined
    }

    public func open(_ sealed: Data, jobID: String) throws -> Credentials {
        do {
            let box = try AES.GCM.SealedBox(combined: sealed)
            return try JSONDecoder().decode(Credentials.self, from: AES.GCM.open(box, using: key))
        } catch {
            throw StoreError.undecryptableCredentials(jobID)
        }
    }
}
