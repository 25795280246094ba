import Hummingbird
import Logging

/// Turns every error into a response with a body a client can act on.
/// Unexpected errors are logged with the request id and answered with a
/// bare 500: no internal detail ever reaches the client.
struct ErrorMiddleware: RouterMiddleware {
    typealias Context = NAASRequestContext
    let logger: Logger

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as APIError {
            return response(for: error)
        } catch let error as HTTPError {
            switch error.status {
            case .notFound: return response(for: .notFound)
            case .contentTooLarge: return response(for: .payloadTooLarge(context.maxUploadSize))
            case .methodNotAllowed:
                return .json(["message": "Method Not Allowed"], status: .methodNotAllowed)
            default:
                if error.status.code < 500 {
                    return .json(["message": .string(error.body ?? error.status.reasonPhrase)], status: error.status)
                }
                logger.error("request failed", metadata: ["request_id": "\(context.requestID)", "error": "\(error)"])
                return response(for: .internalError)
            }
        } catch {
            logger.error("request failed", metadata: ["request_id": "\(context.requestID)", "error": "\(String(reflecting: type(of: error)))"])
            return response(for: .internalError)
        }
    }

    private func response(for error: APIError) -> Response {
        var headers: HTTPFields = [:]
        if error == .unauthorized { headers[.wwwAuthenticate] = #"Basic realm="naas""# }
        return .json(error.v1Body, status: error.status, headers: headers)
    }
}
