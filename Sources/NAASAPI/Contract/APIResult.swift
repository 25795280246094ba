import Hummingbird

/// What a handler produces: a JSON body in the newest shape of its contract,
/// or a finished response for non-JSON content. The contract layer turns it
/// into the response the client's version expects.
enum APIResult: Sendable {
    case json(JSONValue, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:])
    case raw(Response)
}

/// A handler of one operation.
typealias OperationHandler = @Sendable (Request, NAASRequestContext) async throws -> APIResult
