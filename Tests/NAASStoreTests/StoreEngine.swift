import Foundation
import Logging
import PostgresNIO
import Testing
@testable import NAASStore

/// The engines the store tests run against: SQLite always, PostgreSQL when
/// `NAAS_TEST_DATABASE_URL` names a server where its user may create
/// databases (`scripts/postgres.sh start DIR PORT` prints such a URL).
enum StoreEngine: Sendable, CustomTestStringConvertible {
    case sqlite
    case postgres(adminURL: String)

    static let postgresURL: String? = ProcessInfo.processInfo.environment["NAAS_TEST_DATABASE_URL"].flatMap { $0.isEmpty ? nil : $0 }

    static var all: [StoreEngine] {
        [.sqlite] + (postgresURL.map { [.postgres(adminURL: $0)] } ?? [])
    }

    /// Never the URL: it holds a password.
    var testDescription: String {
        switch self {
        case .sqlite: "SQLite"
        case .postgres: "PostgreSQL"
        }
    }

    /// Whether a job enqueued through one store wakes the streams of another on the same database.
    var sharesWakeupsAcrossStores: Bool {
        switch self {
        case .sqlite: false
        case .postgres: true
        }
    }

    /// A new, empty place for a store: a directory, or a database of its own.
    func makeLocation() async throws -> StoreLocation {
        switch self {
        case .sqlite:
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("naas-store-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            return .file(directory: directory)
        case .postgres(let adminURL):
            let name = "naas_test_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
            try await TestDatabases.run("CREATE DATABASE \(name)", at: adminURL)
            return .database(name: name, url: try TestDatabases.url(adminURL, database: name), adminURL: adminURL)
        }
    }
}

/// Where one test's store lives.
enum StoreLocation: Sendable {
    case file(directory: URL)
    case database(name: String, url: String, adminURL: String)

    func open(vault: CredentialVault, retention: RetentionPolicy, protection: ProtectionPolicy) async throws -> any TestStore {
        switch self {
        case .file(let directory):
            return try SQLiteJobStore(
                path: directory.appendingPathComponent(SQLiteJobStore.fileName).path, vault: vault, retention: retention,
                protection: protection)
        case .database(_, let url, _):
            return try await PostgresJobStore.open(
                url: url, vault: vault, retention: retention, protection: protection, maximumConnections: 3)
        }
    }

    /// Removes the directory or drops the database.
    func destroy() async {
        switch self {
        case .file(let directory):
            try? FileManager.default.removeItem(at: directory)
        case .database(let name, _, let adminURL):
            try? await TestDatabases.run("DROP DATABASE IF EXISTS \(name) WITH (FORCE)", at: adminURL)
        }
    }

    /// Everything the store keeps, as it lies in the files or rows, for secret scans:
    /// SQLite's file bytes; every PostgreSQL row as text (bytea shows as hex).
    func persistedContent() async throws -> Data {
        switch self {
        case .file(let directory):
            var all = Data()
            for name in try FileManager.default.contentsOfDirectory(atPath: directory.path) {
                all += try Data(contentsOf: directory.appendingPathComponent(name))
            }
            return all
        case .database(_, let url, _):
            return Data(try await TestDatabases.dumpRows(at: url).utf8)
        }
    }
}

/// Administration of the PostgreSQL test server, through single connections.
enum TestDatabases {
    static let logger = Logger(label: "naas.test.postgres", factory: { _ in SwiftLogNoOpLogHandler() })

    static func withConnection<Result: Sendable>(
        _ url: String, _ body: (PostgresConnection) async throws -> Result
    ) async throws -> Result {
        let connection = try await PostgresConnection.connect(
            configuration: try await PostgresURL(url).connectionConfiguration(), id: 1, logger: logger)
        do {
            let result = try await body(connection)
            try? await connection.close()
            return result
        } catch {
            try? await connection.close()
            throw error
        }
    }

    /// Runs one statement whose text is made here (database names cannot be bound).
    static func run(_ statement: String, at url: String) async throws {
        try await withConnection(url) { connection in
            _ = try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
        }
    }

    /// The URL of another database on the same server, as the same user.
    static func url(_ adminURL: String, database: String) throws -> String {
        guard var components = URLComponents(string: adminURL) else { throw PostgresStoreError.invalidURL("?", reason: "unreadable") }
        components.path = "/" + database
        guard let url = components.string else { throw PostgresStoreError.invalidURL("?", reason: "unreadable") }
        return url
    }

    /// Every row of every table of the database, as text.
    static func dumpRows(at url: String) async throws -> String {
        try await withConnection(url) { connection in
            var tables: [String] = []
            for try await table in try await connection.query(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename", logger: logger
            ).decode(String.self) {
                tables.append(table)
            }
            var dump = ""
            for table in tables {
                for try await line in try await connection.query(
                    PostgresQuery(unsafeSQL: "SELECT t::text FROM \(table) t"), logger: logger
                ).decode(String.self) {
                    dump += line + "\n"
                }
            }
            return dump
        }
    }
}
