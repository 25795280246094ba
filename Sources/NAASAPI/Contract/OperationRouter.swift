import NAASCore
import Foundation
import HTTPTypes
import Hummingbird
import Logging

/// Registers every route of every operation in `APIContract.operations` with
/// its handler, and wraps each in the per-operation part of the contract:
/// microversion availability (404 before `v2Since`), access (authentication,
/// the operation's role, the per-caller rate limit), response downgrades for
/// older microversions, the `successor-version` link on deprecated routes,
/// and the request counter.
struct OperationRouter {
    let handlers: [OperationID: OperationHandler]
    let authenticator: Authenticator
    let rateLimiter: RateLimiter
    let metrics: RequestMetrics
    let logger: Logger

    func register(on router: Router<NAASRequestContext>) {
        for operation in APIContract.operations {
            guard let handler = handlers[operation.id] else {
                preconditionFailure("no handler for \(operation.id.rawValue)")
            }
            for route in operation.routes {
                router.on(RouterPath(RouteTemplate.routerPath(route.path)), method: operation.method) { request, context in
                    await respond(operation, route, handler, request, context)
                }
            }
        }
    }

    private func respond(
        _ operation: ContractOperation, _ route: ContractOperation.Route, _ handler: OperationHandler,
        _ request: Request, _ context: NAASRequestContext
    ) async -> Response {
        var response: Response
        var context = context
        do {
            if let microversion = context.microversion, route.surface == .v2, microversion < operation.v2Since {
                throw APIError.notFound
            }
            if let role = operation.access.role {
                let principal = try await authenticator.authenticate(request, operation.id, context)
                context.principal = principal
                guard principal.role >= role else {
                    authenticator.audit.record(.rbacDenied, identity: principal.identity, requestID: context.requestID, [
                        "operation": operation.id.rawValue, "role": principal.role.rawValue, "required_role": role.rawValue,
                    ])
                    throw APIError.insufficientRole(required: role, actual: principal.role)
                }
                context.rateLimit = try await rateLimiter.checkCaller(principal)
            }
            switch try await handler(request, context) {
            case .json(let body, let status, let headers):
                response = .json(present(body, operation.id, context), status: status, headers: headers)
            case .raw(let raw):
                response = raw
            }
        } catch {
            response = ErrorMiddleware.render(error, context: context, logger: logger)
        }
        if let limit = context.rateLimit, !response.headers.contains(.rateLimitLimit) {
            response.headers.append(contentsOf: limit.headers)
        }
        if route.surface.isDeprecated, let successor = operation.successorPath {
            let target = RouteTemplate.carry(request.uri.path, matching: route.path, into: successor)
            response.headers.append(HTTPField(name: .link, value: DeprecationHeaders.link(target, relation: "successor-version")))
        }
        metrics.record(operation: operation.id, surface: route.surface, microversion: context.microversion)
        return response
    }

    /// The newest shape taken back, change by change, to the client's microversion.
    private func present(_ body: JSONValue, _ operation: OperationID, _ context: NAASRequestContext) -> JSONValue {
        guard let microversion = context.microversion else { return body }
        return APIContract.present(body, operation, at: microversion)
    }
}
