import Foundation
import Hummingbird
import NAASCore

/// Gives every request a correlation id: the client's `X-Request-ID` when it
/// is a UUID, else a new one, and echoes it on every response, errors
/// included. A malformed id is only noted here: the contract layer refuses
/// it, so the 400 has the contract's shape and headers.
struct RequestIDMiddleware: RouterMiddleware {
    typealias Context = NAASRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        if let supplied = request.headers[.requestID] {
            if let uuid = UUID(uuidString: supplied) {
                context.requestID = uuid.uuidString.lowercased()
            } else {
                context.requestID = RandomUUID.string()
                context.rejectedRequestID = true
            }
        } else {
            context.requestID = RandomUUID.string()
        }
        var response = try await next(request, context)
        response.headers[.requestID] = context.requestID
        return response
    }
}
