import GRDB

/// The SQLite schema, as ordered migrations.
enum SQLiteSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("1-jobs") { db in
            try db.execute(sql: """
                CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);
                CREATE TABLE jobs (
                    seq INTEGER PRIMARY KEY AUTOINCREMENT,
                    id TEXT NOT NULL UNIQUE,
                    owner TEXT NOT NULL,
                    status TEXT NOT NULL,
                    spec TEXT NOT NULL,
                    credentials BLOB,
                    output TEXT,
                    error TEXT,
                    error_code TEXT,
                    created_at REAL NOT NULL,
                    started_at REAL,
                    ended_at REAL,
                    expires_at REAL
                );
                CREATE INDEX jobs_by_status ON jobs(status, seq);
                CREATE INDEX jobs_by_owner ON jobs(owner, seq);
                CREATE INDEX jobs_by_expiry ON jobs(expires_at) WHERE expires_at IS NOT NULL;
                """)
        }
        return migrator
    }
}
