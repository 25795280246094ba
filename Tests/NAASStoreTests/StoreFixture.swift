import Crypto
import Foundation
import NAASCore
@testable import NAASStore

/// A fresh SQLite store in its own temporary directory.
struct StoreFixture {
    let directory: URL
    let store: SQLiteJobStore

    init(retention: RetentionPolicy = .init(), protection: ProtectionPolicy = .init()) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("naas-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        store = try SQLiteJobStore(
            path: directory.appendingPathComponent("naas.sqlite").path,
            vault: CredentialVault(key: SymmetricKey(size: .bits256)), retention: retention, protection: protection)
    }

    static func job(
        _ id: String = UUID().uuidString.lowercased(), owner: String = "owner-a", password: String = "pw-123456",
        context: String = "default", port: Int = 22, loginSubject: String? = nil
    ) -> NewJob {
        NewJob(
            id: id, owner: owner, context: context,
            spec: JobSpec(kind: .command, target: DeviceTarget(host: "192.0.2.1", port: port, platform: "cisco_ios"), lines: ["show version"]),
            credentials: Credentials(username: "ops", password: password, enableSecret: "en-\(password)"),
            loginSubject: loginSubject)
    }

    /// Enqueues, claims and ends a job against `port` with `outcome`; returns the protection events.
    @discardableResult
    func run(port: Int, _ outcome: JobOutcome, loginSubject: String? = nil) async throws -> [ProtectionEvent] {
        let job = Self.job(port: port, loginSubject: loginSubject)
        try await store.enqueue(job)
        let claimed = try await store.claimNext()
        return try await store.finish(claimed?.id ?? job.id, outcome: outcome)
    }

    /// A second store on the same file: what another process sharing it sees.
    func sibling(protection: ProtectionPolicy = .init()) throws -> SQLiteJobStore {
        try SQLiteJobStore(
            path: directory.appendingPathComponent("naas.sqlite").path,
            vault: CredentialVault(key: SymmetricKey(size: .bits256)), protection: protection)
    }

    /// Every byte of the database files, for secret scans.
    func rawFileContents() throws -> Data {
        var all = Data()
        for name in try FileManager.default.contentsOfDirectory(atPath: directory.path) {
            all += try Data(contentsOf: directory.appendingPathComponent(name))
        }
        return all
    }
}
