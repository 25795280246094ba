import Foundation
import NAASStore

/// The store a process uses: the embedded SQLite file in its data directory,
/// or a PostgreSQL database shared by a fleet of processes.
enum StoreOpening {
    /// The opened store and what kind it is.
    struct Opened {
        let store: any ServiceStore
        /// Whether other processes may share it (and run its jobs).
        let isShared: Bool
        /// Where it is, for the start-up log (no password).
        let location: String
        /// Releases connections; a no-op for SQLite.
        let close: @Sendable () async -> Void
    }

    static func open(
        databaseURL: String?, dataDirectory: URL, retention: RetentionPolicy = .init(), protection: ProtectionPolicy = .init()
    ) async throws -> Opened {
        // The data directory holds more than the SQLite file (the TLS certificate, the key file), whatever the store.
        try FileManager.default.createDirectory(at: dataDirectory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        guard let databaseURL else {
            let store = try openSQLite(dataDirectory: dataDirectory, retention: retention, protection: protection)
            let path = dataDirectory.appendingPathComponent(SQLiteJobStore.fileName).path
            return Opened(store: store, isShared: false, location: path, close: {})
        }
        let environment = ProcessInfo.processInfo.environment
        // Every process of a fleet must open the credentials the others sealed:
        // the key comes from the environment, never from one node's data directory.
        guard let key = environment["NAAS_ENCRYPTION_KEY"], !key.isEmpty else {
            throw ValidationError("a PostgreSQL store needs NAAS_ENCRYPTION_KEY (32 bytes, base64; e.g. `openssl rand -base64 32`), "
                + "the same in every process sharing the database, to seal and open device credentials")
        }
        let vault = CredentialVault(
            key: try EncryptionKey.load(environmentValue: key, dataDirectory: dataDirectory),
            previousKeys: try EncryptionKey.previous(environmentValue: environment["NAAS_ENCRYPTION_KEY_PREVIOUS"]))
        let store = try await PostgresJobStore.open(url: databaseURL, vault: vault, retention: retention, protection: protection)
        return Opened(store: store, isShared: true, location: store.redactedURL, close: { await store.close() })
    }

    static func openSQLite(
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

    /// `--database-url`, else `NAAS_DATABASE_URL`; nil for the embedded store.
    static func databaseURL(_ flag: String?) throws -> String? {
        let url = try setting(flag, ["NAAS_DATABASE_URL"], default: "")
        return url.isEmpty ? nil : url
    }
}
