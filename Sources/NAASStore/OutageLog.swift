import Logging
import Synchronization

/// Logs a failing background task once when it starts failing and once when
/// it recovers, not on every retry: while the database restarts, a worker
/// retries each second, and an error line per retry would bury the one
/// that says what happened.
public final class OutageLog: Sendable {
    private let logger: Logger
    private let activity: String
    private let failing = Mutex(false)

    public init(_ activity: String, logger: Logger) {
        self.logger = logger
        self.activity = activity
    }

    public func failed(_ error: any Error) {
        let first = failing.withLock { failing in
            defer { failing = true }
            return !failing
        }
        if first {
            logger.error("\(activity) failed; retrying quietly until it works again", metadata: ["error": "\(error)"])
        } else {
            logger.debug("\(activity) failed again", metadata: ["error": "\(error)"])
        }
    }

    public func succeeded() {
        let recovered = failing.withLock { failing in
            defer { failing = false }
            return failing
        }
        if recovered { logger.notice("\(activity) works again") }
    }
}
