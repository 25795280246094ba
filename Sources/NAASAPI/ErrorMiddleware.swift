import HTTPTypes
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
        } catch let error as HTTPError where error.status == .notFound || error.status == .methodNotAllowed {
            // The router knows no route for this method; the contract may know the path under others.
            let allowed = Self.allowedMethods(for: request.uri.path)
            guard !allowed.isEmpty else { return ErrorRenderer.response(for: .notFound, context: context) }
            return ErrorRenderer.response(for: .methodNotAllowed(allowed: Self.names(allowed)), context: context)
        } catch {
            return Self.render(error, context: context, logger: logger)
        }
    }

    /// The methods the contract serves at `path`, in a stable order.
    static func allowedMethods(for path: String) -> [HTTPRequest.Method] {
        var methods: Set<HTTPRequest.Method> = []
        for operation in APIContract.operations
        where operation.routes.contains(where: { RouteTemplate.match($0.path, path) != nil }) {
            methods.insert(operation.method)
        }
        return methods.sorted { $0.rawValue < $1.rawValue }
    }

    static func names(_ methods: [HTTPRequest.Method]) -> [String] {
        let names = methods.map(\.rawValue)
        return names.contains("GET") ? (names + ["HEAD"]).sorted() : names
    }

    static func render(_ error: any Error, context: NAASRequestContext, logger: Logger) -> Response {
        if let known = ErrorRenderer.apiError(from: error) {
            return ErrorRenderer.response(for: known, context: context)
        }
        logger.error("request failed", metadata: ["request_id": "\(context.requestID)", "error": "\(String(reflecting: type(of: error)))"])
        return ErrorRenderer.response(for: .internalError, context: context)
    }
}
