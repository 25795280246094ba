import Foundation
import PostgresNIO
import Testing
@testable import NAASStore

/// Says whether the PostgreSQL store is under test at all: when
/// `NAAS_TEST_DATABASE_URL` is unset, every store test ran on SQLite only,
/// and this test is reported skipped with the reason.
@Suite struct StoreEngineTests {
    @Test(.enabled(
        if: StoreEngine.postgresURL != nil,
        "NAAS_TEST_DATABASE_URL is unset: the PostgreSQL store was NOT tested, only SQLite. Run `export NAAS_TEST_DATABASE_URL=$(scripts/postgres.sh start /tmp/naas-pg 15432)` first."
    ))
    func postgreSQLIsUnderTest() async throws {
        let adminURL = try #require(StoreEngine.postgresURL)
        let version = try await TestDatabases.withConnection(adminURL) { connection in
            var version = 0
            for try await number in try await connection.query("SELECT current_setting('server_version_num')::int", logger: TestDatabases.logger)
                .decode(Int.self) {
                version = number
            }
            return version
        }
        #expect(version >= 130_000, "PostgreSQL 13 or newer (DROP DATABASE … WITH (FORCE))")
        #expect(StoreEngine.all.count == 2)
    }
}
