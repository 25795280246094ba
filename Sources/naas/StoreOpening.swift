import Foundation
import NAASStore

/// Opens the embedded store in a data directory, as `serve` and `keys` both do.
enum StoreOpening {
    static func open(
        dataDirectory: URL, retention: RetentionPolicy = .init(), protection: ProtectionPolicy = .init()
    ) throws -> SQLiteJobStore {
        try FileManager.default.createDirectory(at: dataDirectory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let environment = ProcessInfo.processInfo.environment
        let key = try EncryptionKey.load(environmentValue: environment["NAAS_ENCRYPTION_KEY"], dataDirectory: dataDirectory)
        let previous = try EncryptionKey.previous(environmentValue: environment["NAAS_ENCRYPTION_KEY_PREVIOUS"])
        return try SQLiteJobStore(
            path: dataDirectory.appendingPathComponent(SQLiteJobStore.fileName).path,
            vault: CredentialVault(key: key, previousKeys: previous), retention: retention, protection: protection)
    }

    /// `--data-dir`, else `NAAS_DATA_DIR`, else `./data`.
    static func dataDirectory(_ flag: String?) throws -> URL {
        URL(fileURLWithPath: try setting(flag, ["NAAS_DATA_DIR"], default: "./data"))
    }
}
