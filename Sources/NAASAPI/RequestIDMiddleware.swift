import Foundation
import Hummingbird

/// Gives every request a correlation id: the client's `X-Request-ID` when it
/// is a UUID, else a new one. A malformed id is refused before any work.
/// The id is echoed on every response, errors included.
struct RequestIDMiddleware: RouterMiddleware {
    typealias Context = NAASRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        if let supplied = request.headers[.requestID] {
            guard let uuid = UUID(uuidString: supplied) else {
                context.requestID = UUID().uuidString.lowercased()
                var response = Response.json(
                    APIError.badRequest("X-Request-ID must be a UUID (e.g. \(UUID().uuidString.lowercased()))").v1Body,
                    status: .badRequest)
                response.headers[.requestID] = context.requestID
                return response
            }
            context.requestID = uuid.uuidString.lowercased()
        } else {
            context.requestID = UUID().uuidString.lowercased()
        }
        var response = try await next(request, context)
        response.headers[.requestID] = context.requestID
        return response
    }
}
