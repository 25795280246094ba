import NAASCore
import HTTPTypes

/// Every error a client can see, born where it is detected and rendered in
/// one place (`ErrorRenderer`): NAAS shapes on v1, RFC 9457 problems on v2.
public enum APIError: Error, Sendable, Equatable {
    case unauthorized
    /// v2: no API key and no Basic credentials.
    case missingCredentials
    /// An API key that is unknown, revoked or expired.
    case invalidAPIKey
    case insufficientRole(required: Role, actual: Role)
    case contextDenied(String)
    /// A device or a login locked out after repeated failures.
    case lockedOut(String)
    case unknownContext(String, known: [String])
    case rateLimited(RateLimitStatus)
    /// This process already holds its limit of open job streams.
    case tooManyStreams(limit: Int)
    /// No live worker serves the job's context.
    case noWorker(context: String)
    /// The context already holds `MAX_QUEUE_DEPTH` queued jobs (backpressure); nothing was queued.
    case queueFull(context: String, limit: Int)
    /// The store (the shared PostgreSQL database) cannot be reached. Nothing was done, unless
    /// `outcomeUnknown`: it went away while the request's write was under way.
    case storeUnavailable(outcomeUnknown: Bool = false)
    /// A structured job needs ntc-templates, which this server has not loaded; the text says why.
    case structuredOutputUnavailable(String)
    /// A named resource (not a route) that does not exist.
    case resourceNotFound(String)
    case unsupportedMediaType
    case badRequest(String)
    /// Invalid fields; `source` is where they came from (`json` body or `query` string).
    case validation(source: String, [FieldError])
    case forbidden(String)
    case notFound
    /// The path exists, but not for this method; `allowed` lists the methods it has.
    case methodNotAllowed(allowed: [String])
    case conflict(String)
    case payloadTooLarge(Int)
    case malformedMicroversion(String)
    case unsupportedMicroversion(requested: Microversion, supported: ClosedRange<Microversion>)
    /// The route's contract passed its sunset; `successor` is where to go instead.
    case gone(successor: String?)
    /// Something went wrong on our side; the detail is logged, never sent.
    case internalError

    var status: HTTPResponse.Status {
        switch self {
        case .unauthorized, .missingCredentials, .invalidAPIKey: .unauthorized
        case .insufficientRole, .contextDenied, .lockedOut: .forbidden
        case .unknownContext: .badRequest
        case .rateLimited, .tooManyStreams: .tooManyRequests
        case .noWorker, .queueFull, .structuredOutputUnavailable, .storeUnavailable: .serviceUnavailable
        case .resourceNotFound: .notFound
        case .unsupportedMediaType: .unsupportedMediaType
        case .badRequest, .malformedMicroversion: .badRequest
        case .validation: .unprocessableContent
        case .forbidden: .forbidden
        case .notFound: .notFound
        case .methodNotAllowed: .methodNotAllowed
        case .conflict: .conflict
        case .payloadTooLarge: .contentTooLarge
        case .unsupportedMicroversion: .notAcceptable
        case .gone: .gone
        case .internalError: .internalServerError
        }
    }

    /// What the client should read and do.
    var detail: String {
        switch self {
        case .unauthorized: "Send credentials: HTTP Basic with the device username and password"
        case .missingCredentials:
            "Send credentials: an API key (Authorization: Bearer <token>, or X-API-Key: <token>) or HTTP Basic with the device login"
        case .invalidAPIKey: "The API key is not valid: it is unknown, revoked or expired"
        case .insufficientRole(let required, let actual):
            "This operation needs the \(required.rawValue) role; these credentials have \(actual.rawValue)"
        case .contextDenied(let context): "These credentials may not use context \"\(context)\""
        case .lockedOut(let message), .resourceNotFound(let message): message
        case .unknownContext(let context, let known):
            "Unknown context \"\(context.prefix(64))\"; use one of: \(known.joined(separator: ", "))"
        case .rateLimited(let status):
            "Rate limit of \(status.limit) requests exceeded; retry in \(status.resetSeconds) seconds"
        case .tooManyStreams(let limit):
            "This server already holds \(limit) open job streams; retry after Retry-After seconds, or wait on the result with ?wait="
        case .noWorker(let context):
            "No worker serves context \"\(context)\" right now; retry later or choose another context"
        case .queueFull(let context, let limit):
            "Queue depth limit reached: context \"\(context)\" holds \(limit) queued jobs; retry after Retry-After seconds"
        case .storeUnavailable(outcomeUnknown: false):
            "The job store cannot be reached right now; nothing was done. Retry after Retry-After seconds"
        case .storeUnavailable(outcomeUnknown: true):
            "The job store went away while this request was being written, so it may or may not have taken effect: "
                + "after Retry-After seconds, look for the job (by the X-Request-ID you sent) before sending it again"
        case .structuredOutputUnavailable(let reason):
            "Structured output from ntc-templates is unavailable on this server: \(reason). A structured job that sends "
                + "its own textfsm_template still runs; to use ntc-templates, the operator installs them "
                + "(pip install ntc-templates==9.2.0) or starts naas serve with --templates-dir"
        case .unsupportedMediaType: "Send a JSON body with Content-Type: application/json"
        case .badRequest(let message), .forbidden(let message), .conflict(let message): message
        case .validation(_, let errors): errors.count == 1 ? "1 field is invalid" : "\(errors.count) fields are invalid"
        case .notFound: "No such route; see /versions and /apidoc for the API"
        case .methodNotAllowed(let allowed): "This route answers \(allowed.joined(separator: ", ")) only"
        case .payloadTooLarge(let limit): "The request body is larger than \(limit) bytes"
        case .malformedMicroversion(let value):
            "NAAS-API-Version \"\(value)\" is not a version: send X.Y (e.g. \(APIContract.v2Maximum)) or latest"
        case .unsupportedMicroversion(let requested, let supported):
            "Microversion \(requested) is not supported: use \(supported.lowerBound) to \(supported.upperBound), or latest"
        case .gone(let successor):
            "This deprecated route passed its sunset date" + (successor.map { "; use \($0)" } ?? "")
        case .internalError: "Internal Server Error"
        }
    }

    /// A stable slug naming the problem type.
    var slug: String {
        switch self {
        case .unauthorized, .missingCredentials, .invalidAPIKey: "unauthorized"
        case .insufficientRole: "insufficient-role"
        case .contextDenied: "context-denied"
        case .lockedOut: "locked-out"
        case .unknownContext: "unknown-context"
        case .rateLimited: "rate-limited"
        case .tooManyStreams: "too-many-streams"
        case .noWorker: "no-worker"
        case .structuredOutputUnavailable: "structured-output-unavailable"
        case .storeUnavailable: "store-unavailable"
        case .queueFull: "queue-full"
        case .resourceNotFound: "not-found"
        case .unsupportedMediaType: "unsupported-media-type"
        case .badRequest: "bad-request"
        case .validation: "validation-error"
        case .forbidden: "forbidden"
        case .notFound: "not-found"
        case .methodNotAllowed: "method-not-allowed"
        case .conflict: "conflict"
        case .payloadTooLarge: "payload-too-large"
        case .malformedMicroversion: "malformed-microversion"
        case .unsupportedMicroversion: "unsupported-microversion"
        case .gone: "gone"
        case .internalError: "internal-error"
        }
    }

    /// The NAAS v1 body for this error.
    var v1Body: JSONValue {
        switch self {
        case .validation(let source, let errors):
            ["validation_error": .object([source: .array(errors.map(\.json))])]
        case .unauthorized, .unsupportedMediaType, .notFound:
            // NAAS v1 messages open with the status phrase.
            ["message": .string("\(status.reasonPhrase): \(detail.prefix(1).lowercased())\(detail.dropFirst())")]
        default: ["message": .string(detail)]
        }
    }

    /// The RFC 9457 problem body for this error.
    func problem(instance: String) -> JSONValue {
        var fields: [String: JSONValue] = [
            "type": .string("/problems/\(slug)"),
            "title": .string(status.reasonPhrase),
            "status": .int(status.code),
            "detail": .string(detail),
            "instance": .string(instance),
        ]
        switch self {
        case .validation(_, let errors): fields["errors"] = .array(errors.map(\.json))
        case .unsupportedMicroversion(_, let supported):
            fields["min_version"] = .string(supported.lowerBound.description)
            fields["max_version"] = .string(supported.upperBound.description)
        default: break
        }
        return .object(fields)
    }
}
