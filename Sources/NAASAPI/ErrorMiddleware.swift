import Hummingbird
import Logging

/// Turns errors that escape routing (unknown route, wrong method) or a
/// handler into a response a client can act on. Unexpected errors are logged
/// with the request id and answered with a bare 500: no internal detail
/// ever reaches the client.
struct ErrorMiddleware: RouterMiddleware {
    typealias Context = NAASRequestContext
    let logger: Logger

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as HTTPError where error.status == .methodNotAllowed {
            return ErrorRenderer.response(for: .notFound, context: context)
        } catch {
            return Self.render(error, context: context, logger: logger)
        }
    }

    static func render(_ error: any Error, context: NAASRequestContext, logger: Logger) -> Response {
        if let known = ErrorRenderer.apiError(from: error) {
            return ErrorRenderer.response(for: known, context: context)
        }
        logger.error("request failed", metadata: ["request_id": "\(context.requestID)", "error": "\(String(reflecting: type(of: error)))"])
        return ErrorRenderer.response(for: .internalError, context: context)
    }
}
