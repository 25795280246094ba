#if canImport(Glibc)
import Glibc
#endif

/// Lifts the open-file limit to its hard maximum: every device session and
/// every simulated device is a socket, and a thousand of them do not fit the
/// usual soft limit of 1,024.
public enum FileLimit {
    /// Raises the soft limit and returns it (nil when it cannot be read).
    @discardableResult
    public static func raiseToHardLimit() -> UInt64? {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0 else { return nil }
        limit.rlim_cur = limit.rlim_max
        _ = setrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0 else { return nil }
        return UInt64(limit.rlim_cur)
    }
}
