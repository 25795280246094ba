import Hummingbird

/// Marks responses of the v1 contract (the `/v1/` routes and the
/// unversioned legacy aliases) with `X-API-Version: v1`, as NAAS does.
struct APIVersionHeaderMiddleware: RouterMiddleware {
    typealias Context = NAASRequestContext

    static let legacyAliases = ["/send_command", "/send_config"]

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        let path = request.uri.path
        if path.hasPrefix("/v1/") || path == "/v1" || Self.legacyAliases.contains(where: { path == $0 || path.hasPrefix($0 + "/") }) {
            response.headers[.apiVersion] = "v1"
        }
        return response
    }
}
