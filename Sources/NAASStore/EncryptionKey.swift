import Crypto
import Foundation

/// Finds the key that seals credentials at rest: `NAAS_ENCRYPTION_KEY`
/// (32 bytes, base64) when set, else a key file in the data directory,
/// created with mode 0600 on first start.
public enum EncryptionKey {
    public static let fileName = "encryption.key"

    public static func load(environmentValue: String?, dataDirectory: URL) throws -> SymmetricKey {
        if let value = environmentValue?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty {
            return try decode(value, source: "NAAS_ENCRYPTION_KEY")
        }
        let url = dataDirectory.appendingPathComponent(fileName)
        if let existing = try? String(contentsOf: url, encoding: .utf8) {
            return try decode(existing.trimmingCharacters(in: .whitespacesAndNewlines), source: url.path)
        }
        let key = SymmetricKey(size: .bits256)
        let encoded = key.withUnsafeBytes { Data($0).base64EncodedString() }
        let created = FileManager.default.createFile(
            atPath: url.path, contents: Data((encoded + "\n").utf8), attributes: [.posixPermissions: 0o600])
        guard created else { throw StoreError.invalidEncryptionKey("cannot write \(url.path)") }
        return key
    }

    /// The keys a rotation replaced (`NAAS_ENCRYPTION_KEY_PREVIOUS`, comma-separated).
    public static func previous(environmentValue: String?) throws -> [SymmetricKey] {
        try (environmentValue ?? "").split(separator: ",")
            .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            .filter { !$0.isEmpty }
            .map { try decode($0, source: "NAAS_ENCRYPTION_KEY_PREVIOUS") }
    }

    static func decode(_ base64: String, source: String) throws -> SymmetricKey {
        guard let bytes = Data(base64Encoded: base64), bytes.count == 32 else {
            throw StoreError.invalidEncryptionKey("\(source) must be 32 bytes encoded as base64 (e.g. `openssl rand -base64 32`)")
        }
        return SymmetricKey(data: bytes)
    }
}
