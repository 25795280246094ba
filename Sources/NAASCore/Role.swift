/// What an authenticated caller may do. Each role includes the ones below it.
public enum Role: String, Sendable, Codable, CaseIterable, Comparable {
    /// Reads job results, job lists and contexts.
    case viewer
    /// Also submits, cancels and replays jobs.
    case `operator`
    /// Also manages API keys, and sees every caller's jobs.
    case admin

    private var rank: Int {
        switch self {
        case .viewer: 0
        case .operator: 1
        case .admin: 2
        }
    }

    public static func < (lhs: Role, rhs: Role) -> Bool { lhs.rank < rhs.rank }
}
