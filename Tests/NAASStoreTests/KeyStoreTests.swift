import Foundation
import NAASCore
import Testing
@testable import NAASStore

@Suite struct KeyStoreTests {
    func key(_ id: String = "k-0123456789ab", role: Role = .operator, lifetime: TimeInterval? = 60) -> APIKey {
        let now = Date()
        return APIKey(
            id: id, prefix: "naas_abcdefg", role: role, contexts: .only(["lab"]), name: "ci", createdBy: "cli",
            createdAt: now, lifetime: lifetime, expiresAt: lifetime.map { now.addingTimeInterval($0) })
    }

    @Test(arguments: StoreEngine.all)
    func keysAreFoundByTheHashOfTheirTokenOnly(_ engine: StoreEngine) async throws {
        try await StoreFixture.with(engine) { fixture in
            try await fixture.store.insertKey(key(), tokenHash: "hash-1")
            let found = try #require(try await fixture.store.key(tokenHash: "hash-1"))
            #expect(found.id == "k-0123456789ab" && found.role == .operator && found.contexts == .only(["lab"]))
            #expect(try await fixture.store.key(tokenHash: "hash-2") == nil)
            #expect(try await fixture.store.keys().map(\.id) == ["k-0123456789ab"])
        }
    }

    @Test(arguments: StoreEngine.all)
    func revocationIsPermanentAndReported(_ engine: StoreEngine) async throws {
        try await StoreFixture.with(engine) { fixture in
            try await fixture.store.insertKey(key(), tokenHash: "hash-1")
            let revoked = try #require(try await fixture.store.revokeKey(id: "k-0123456789ab", at: Date()))
            #expect(revoked.status(at: Date()) == .revoked)
            #expect(try await fixture.store.revokeKey(id: "k-ffffffffffff", at: Date()) == nil)
            #expect(try await fixture.store.replaceToken(id: "k-0123456789ab", tokenHash: "hash-2", prefix: "p", expiresAt: nil) == nil)
        }
    }

    @Test(arguments: StoreEngine.all)
    func rotationReplacesTheTokenAndKeepsTheKey(_ engine: StoreEngine) async throws {
        try await StoreFixture.with(engine) { fixture in
            try await fixture.store.insertKey(key(), tokenHash: "hash-1")
            let rotated = try #require(try await fixture.store.replaceToken(id: "k-0123456789ab", tokenHash: "hash-2", prefix: "naas_new", expiresAt: nil))
            #expect(rotated.prefix == "naas_new" && rotated.role == .operator && rotated.expiresAt == nil)
            #expect(try await fixture.store.key(tokenHash: "hash-1") == nil)
            #expect(try await fixture.store.key(tokenHash: "hash-2")?.id == "k-0123456789ab")
        }
    }

    @Test func expiryIsAStatusNotADeletion() {
        let expired = APIKey(
            id: "k-0123456789ab", prefix: "p", role: .viewer, contexts: .all, name: nil, createdBy: "cli",
            createdAt: Date(), lifetime: 1, expiresAt: Date().addingTimeInterval(-1))
        #expect(expired.status(at: Date()) == .expired)
        #expect(key(lifetime: nil).status(at: .distantFuture) == .active)
    }
}
