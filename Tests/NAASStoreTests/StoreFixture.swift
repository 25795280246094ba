import Crypto
import Foundation
import NAASCore
@testable import NAASStore

/// A fresh SQLite store in its own temporary directory.
struct StoreFixture {
    let directory: URL
    let store: SQLiteJobStore

    init(retention: RetentionPolicy = .init()) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("naas-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        store = try SQLiteJobStore(
            path: directory.appendingPathComponent("naas.sqlite").path,
            vault: CredentialVault(key: SymmetricKey(size: .bits256)), retention: retention)
    }

    static func job(_ id: String = UUID().uuidString.lowercased(), owner: String = "owner-a", password: String = "pw-123456") -> NewJob {
        NewJob(
            id: id, owner: owner,
            spec: JobSpec(kind: .command, target: DeviceTarget(host: "192.0.2.1", platform: "cisco_ios"), lines: ["show version"]),
            credentials: Credentials(username: "ops", password: password, enableSecret: "en-\(password)"))
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
