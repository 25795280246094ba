import Crypto
import Foundation
import Testing
@testable import NAASStore

/// Reading the PostgreSQL URL and reporting connection failures: no server needed.
@Suite struct PostgresURLTests {
    @Test func aFullURLIsReadPartByPart() throws {
        let url = try PostgresURL("postgres://naas:s%40cret@db.example.net:6543/fleet?sslmode=require")
        #expect(url.host == "db.example.net" && url.port == 6543 && url.database == "fleet")
        #expect(url.username == "naas" && url.password == "s@cret")
        #expect(url.tlsMode == .require)
        #expect(url.redacted == "postgres://naas:***@db.example.net:6543/fleet")
        #expect("\(url)" == url.redacted && String(reflecting: url) == url.redacted)
    }

    @Test func defaultsFollowLibpq() throws {
        let url = try PostgresURL("postgresql://naas@127.0.0.1")
        #expect(url.port == 5432 && url.database == "naas" && url.password == nil)
        #expect(url.tlsMode == .disable, "no TLS on loopback by default")
        #expect(try PostgresURL("postgres://naas@db.example.net/x").tlsMode == .prefer)
        #expect(try PostgresURL("postgres://naas@[::1]:5433/x").host == "::1")
    }

    @Test(arguments: [
        "mysql://naas:hunter2-secret@127.0.0.1/naas",
        "postgres://:hunter2-secret@127.0.0.1/naas",
        "postgres://naas:hunter2-secret@/naas",
        "postgres://naas:hunter2-secret@127.0.0.1/naas?sslmode=sometimes",
        "postgres://naas:hunter2-secret@127.0.0.1/naas?connect_timeout=3",
        "postgres://naas:hunter2-secret@127.0.0.1:99999/naas",
        "postgres://naas:hunter2-secret@127.0.0.1/a/b",
        "postgres://naas:hunter2-secret@127.0.0.1:port/naas",
        "postgres://naas:hunter2-secret",
        "postgres://naas:hunter2/secret",
        "postgres:/naas:hunter2-secret@127.0.0.1/naas",
        "naas:hunter2-secret@127.0.0.1/naas",
    ])
    func aMalformedURLIsRefusedWithoutItsPassword(_ text: String) {
        #expect {
            _ = try PostgresURL(text)
        } throws: { error in
            guard case PostgresStoreError.invalidURL = error else { return false }
            return !"\(error)".contains("hunter2") && "\(error)".contains("***")
        }
    }

    @Test func anUnreachableServerIsNamedWithoutThePassword() async throws {
        let vault = CredentialVault(key: SymmetricKey(size: .bits256))
        await #expect {
            _ = try await PostgresJobStore.open(url: "postgres://naas:hunter2-secret@127.0.0.1:1/naas", vault: vault)
        } throws: { error in
            guard case PostgresStoreError.cannotConnect(let url, let reason) = error else { return false }
            let message = "\(error)"
            return url == "postgres://naas:***@127.0.0.1:1/naas" && !reason.isEmpty
                && message.contains("127.0.0.1:1") && !message.contains("hunter2")
        }
    }
}
