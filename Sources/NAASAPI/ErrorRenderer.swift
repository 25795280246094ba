import HTTPTypes
import Hummingbird
import NAASStore

/// Renders an `APIError` the way the request's contract expects.
enum ErrorRenderer {
    /// Seconds a client should wait before trying a context that has no worker.
    static let noWorkerRetryAfter = 30
    /// Seconds a client should wait while the store is unreachable (a database restart takes a few).
    static let storeUnavailableRetryAfter = 5
    /// Seconds a client should wait for a full queue to drain a little.
    static let queueFullRetryAfter = 5
    /// Seconds a client should wait for another job's stream to close.
    static let tooManyStreamsRetryAfter = 5

    static func response(for error: APIError, context: NAASRequestContext) -> Response {
        var headers: HTTPFields = [:]
        switch error {
        case .unauthorized: headers[.wwwAuthenticate] = #"Basic realm="naas""#
        case .missingCredentials, .invalidAPIKey: headers[.wwwAuthenticate] = #"Basic realm="naas", Bearer realm="naas""#
        case .rateLimited(let status):
            headers.append(contentsOf: status.headers)
            headers[.retryAfter] = "\(status.resetSeconds)"
        case .noWorker: headers[.retryAfter] = "\(noWorkerRetryAfter)"
        case .storeUnavailable: headers[.retryAfter] = "\(storeUnavailableRetryAfter)"
        case .queueFull: headers[.retryAfter] = "\(queueFullRetryAfter)"
        case .tooManyStreams: headers[.retryAfter] = "\(tooManyStreamsRetryAfter)"
        default: break
        }
        if case .methodNotAllowed(let allowed) = error { headers[.allow] = allowed.joined(separator: ", ") }
        if case .gone(let successor?) = error {
            headers.append(HTTPField(name: .link, value: DeprecationHeaders.link(successor, relation: "successor-version")))
        }
        // Problems on v2, and for a sunset route (its v1 shape no longer applies).
        if context.surface == .v2 || error.isGone {
            var response = Response.json(error.problem(instance: context.requestID), status: error.status, headers: headers)
            response.headers[.contentType] = "application/problem+json"
            return response
        }
        return .json(error.v1Body, status: error.status, headers: headers)
    }

    /// Any error, mapped: Hummingbird's own HTTP errors by status, the rest as 500.
    static func apiError(from error: any Error) -> APIError? {
        switch error {
        case let error as APIError: return error
        case PostgresStoreError.interrupted: return .storeUnavailable(outcomeUnknown: true)
        case let error as PostgresStoreError where error.isUnavailability: return .storeUnavailable()
        case let error as HTTPError:
            switch error.status {
            case .notFound: return .notFound
            case .contentTooLarge: return .payloadTooLarge(1 << 20)
            case .unsupportedMediaType: return .unsupportedMediaType
            default: return error.status.code < 500 ? .badRequest(error.body ?? error.status.reasonPhrase) : nil
            }
        default: return nil
        }
    }
}

extension APIError {
    var isGone: Bool {
        if case .gone = self { return true }
        return false
    }
}
