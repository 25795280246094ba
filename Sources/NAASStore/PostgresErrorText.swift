import PostgresNIO

/// Turns PostgresNIO's errors into `PostgresStoreError`s that say what went
/// wrong. PSQLError's own description is deliberately generic; its debug
/// description would add the statement and its bound values, which may
/// include sealed credentials or token hashes, so only the server's message
/// and the connection error are kept.
enum PostgresErrorText {
    static func describe(_ error: any Error) -> String {
        switch error {
        case let error as PostgresStoreError:
            return error.description
        case let error as PSQLError:
            if let serverInfo = error.serverInfo {
                let state = serverInfo[.sqlState].map { " (SQLSTATE \($0))" } ?? ""
                return (serverInfo[.message] ?? "server error") + state
            }
            if let underlying = error.underlying {
                return "\(error.code): \(describe(underlying))"
            }
            return "\(error.code)"
        case let error as PostgresTransactionError:
            if let cause = error.closureError ?? error.beginError ?? error.commitError {
                return describe(cause)
            }
            return "transaction failed"
        case let error as PostgresDecodingError:
            return "cannot decode column \(error.columnName) (\(error.code))"
        default:
            return String(describing: error)
        }
    }

    /// Runs `work`, rethrowing the store's own errors as they are and any
    /// other as a `PostgresStoreError.databaseError`.
    static func translating<Result>(_ work: () async throws -> Result) async throws -> Result {
        do {
            return try await work()
        } catch let error as StoreError {
            throw error
        } catch let error as PostgresStoreError {
            throw error
        } catch let error as PostgresTransactionError {
            if let cause = error.closureError as? StoreError { throw cause }
            if let cause = error.closureError as? PostgresStoreError { throw cause }
            throw classified(error.closureError ?? error.beginError ?? error.commitError ?? error, text: describe(error))
        } catch {
            throw classified(error, text: describe(error))
        }
    }

    /// An outage (the connection lost, refused or never granted by the pool,
    /// the server shutting down or out of connections) is `unavailable`; a
    /// statement the server refused, or rows that do not decode, a `databaseError`.
    private static func classified(_ error: any Error, text: String) -> PostgresStoreError {
        switch error {
        case let error as PSQLError:
            switch error.code {
            case .server:
                // SQLSTATE classes 08 (connection exception), 53 (insufficient resources), 57 (operator intervention).
                let state = error.serverInfo?[.sqlState] ?? ""
                return ["08", "53", "57"].contains(String(state.prefix(2))) ? .unavailable(text) : .databaseError(text)
            case .tooManyParameters, .invalidCommandTag, .messageDecodingFailure, .unexpectedBackendMessage:
                return .databaseError(text)
            default:
                return .unavailable(text)
            }
        case is PostgresDecodingError:
            return .databaseError(text)
        default:
            // What is left comes from below the protocol (sockets, the pool): the database is out of reach.
            return .unavailable(text)
        }
    }
}
