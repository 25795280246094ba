/// Why the PostgreSQL store could not open or answer. URLs in these errors
/// never carry the password, and statement failures carry the server's
/// message, never the values bound to the statement.
public enum PostgresStoreError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The database URL cannot be used (shown without its password).
    case invalidURL(String, reason: String)
    /// No session could be opened with the database at the URL (shown without its password).
    case cannotConnect(String, reason: String)
    /// The schema could not be brought up to date.
    case migrationFailed(String, reason: String)
    /// The database cannot be reached or refuses work for now (down,
    /// restarting, out of connections): worth retrying in a few seconds.
    case unavailable(String)
    /// The database went away while a statement ran and never answered: it may or may not have taken effect.
    case interrupted(String)
    /// A statement failed.
    case databaseError(String)

    public var description: String {
        switch self {
        case .invalidURL(let url, let reason):
            "invalid PostgreSQL URL \(url): \(reason) (expected postgres://user:password@host:port/database)"
        case .cannotConnect(let url, let reason):
            "cannot connect to PostgreSQL at \(url): \(reason)"
        case .migrationFailed(let url, let reason):
            "cannot migrate the PostgreSQL schema at \(url): \(reason)"
        case .unavailable(let reason):
            "PostgreSQL is unavailable: \(reason)"
        case .interrupted(let reason):
            "PostgreSQL went away mid-statement: \(reason)"
        case .databaseError(let reason):
            "PostgreSQL error: \(reason)"
        }
    }

    /// Whether the database is out of reach rather than the request wrong: callers may retry.
    public var isUnavailability: Bool {
        switch self {
        case .unavailable, .interrupted, .cannotConnect: true
        case .invalidURL, .migrationFailed, .databaseError: false
        }
    }
}
