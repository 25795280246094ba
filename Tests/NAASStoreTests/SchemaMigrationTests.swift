import Crypto
import Foundation
import GRDB
import NAASCore
import Testing
@testable import NAASStore

@Suite struct SchemaMigrationTests {
    /// Processes of a fleet start together: the first migrates, the others wait and find it done.
    @Test(arguments: StoreEngine.all)
    func storesOpenedAtOnceOnAnEmptyDatabaseMigrateItOnce(_ engine: StoreEngine) async throws {
        let location = try await engine.makeLocation()
        let vault = CredentialVault(key: SymmetricKey(size: .bits256))
        do {
            let stores = try await withThrowingTaskGroup(of: (any TestStore).self) { group in
                for _ in 0..<4 {
                    group.addTask { try await location.open(vault: vault, retention: .init(), protection: .init()) }
                }
                return try await group.reduce(into: [any TestStore]()) { $0.append($1) }
            }
            #expect(stores.count == 4)
            let fingerprints = Set(stores.map { $0.ownerFingerprint(username: "ops", password: "pw") })
            #expect(fingerprints.count == 1, "one salt, whoever created it")
            for store in stores {
                #expect(try await store.appliedMigrations() == store.knownMigrations)
            }
            // Opening again finds nothing to do and keeps the data.
            try await stores[0].enqueue(StoreFixture.job("kept"))
            let again = try await location.open(vault: vault, retention: .init(), protection: .init())
            #expect(try await again.appliedMigrations() == again.knownMigrations)
            #expect(try await again.job("kept") != nil)
            for store in stores + [again] { await store.close() }
        } catch {
            await location.destroy()
            throw error
        }
        await location.destroy()
    }

    /// A store written before leases existed opens, keeps its jobs, and leases from then on.
    @Test func anEmbeddedStoreFromBeforeLeasesMigrates() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("naas-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent(SQLiteJobStore.fileName).path
        let spec = #"{"kind":"command","target":{"host":"192.0.2.1","port":22,"platform":"cisco_ios"},"lines":["show version"],"readTimeout":30,"connectTimeout":10,"saveConfig":false,"commit":false}"#
        do {
            let old = try DatabasePool(path: path)
            try SQLiteSchema.migrator.migrate(old, upTo: "2-security")
            try await old.write { db in
                try db.execute(
                    sql: "INSERT INTO jobs (id, owner, status, spec, created_at, started_at) VALUES ('old-running', 'o', 'started', ?, 0, 1)",
                    arguments: [spec])
            }
            try old.close()
        }
        let vault = CredentialVault(key: SymmetricKey(size: .bits256))
        let store = try SQLiteJobStore(path: path, vault: vault)
        #expect(try await store.appliedMigrations() == store.knownMigrations)
        #expect(try await store.job("old-running")?.status == .started)
        #expect(try await store.failExpiredLeases(now: .distantFuture).isEmpty, "a job from before leases has none to lapse")
        try await store.enqueue(StoreFixture.job("new"))
        _ = try await store.claimNext(contexts: nil, lease: JobLease(worker: "w", duration: 1))
        #expect(try await store.failExpiredLeases(now: Date().addingTimeInterval(2)) == ["new"])
    }
}
