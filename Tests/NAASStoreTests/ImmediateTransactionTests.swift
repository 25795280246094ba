import GRDB
import Testing
@testable import NAASStore

/// The submission writer's own transaction: what its body wrote commits, or none of it does.
@Suite struct ImmediateTransactionTests {
    struct Refused: Error {}

    /// The error `body` throws, if any.
    private static func error(_ body: () throws -> Void) -> (any Error)? {
        do { try body() } catch { return error }
        return nil
    }

    private static func count(_ db: Database) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM t") ?? -1
    }

    @Test func aBodyThatThrowsLeavesNothingAndTheNextTransactionCommits() throws {
        let queue = try DatabaseQueue()
        try queue.inDatabase { db in
            try db.execute(sql: "CREATE TABLE t (x INTEGER)")
            let thrown = Self.error {
                try SQLiteJobStore.inImmediateTransaction(db) {
                    try db.execute(sql: "INSERT INTO t VALUES (1)")
                    throw Refused()
                }
            }
            #expect(thrown is Refused)
            #expect(!db.isInsideTransaction)
            #expect(try Self.count(db) == 0)
            // The cached BEGIN and COMMIT serve again after a rollback.
            for value in 2...3 {
                try SQLiteJobStore.inImmediateTransaction(db) { try db.execute(sql: "INSERT INTO t VALUES (?)", arguments: [value]) }
            }
            #expect(!db.isInsideTransaction)
            #expect(try Int.fetchAll(db, sql: "SELECT x FROM t ORDER BY x") == [2, 3])
        }
    }

    @Test func aFailedStatementRollsBackTheWholeBody() throws {
        let queue = try DatabaseQueue()
        try queue.inDatabase { db in
            try db.execute(sql: "CREATE TABLE t (x INTEGER UNIQUE)")
            let thrown = Self.error {
                try SQLiteJobStore.inImmediateTransaction(db) {
                    try db.execute(sql: "INSERT INTO t VALUES (1)")
                    try db.execute(sql: "INSERT INTO t VALUES (1)")
                }
            }
            #expect((thrown as? DatabaseError)?.resultCode == .SQLITE_CONSTRAINT)
            #expect(!db.isInsideTransaction)
            #expect(try Self.count(db) == 0)
        }
    }
}
