import NAASCore
import Foundation
import HTTPTypes
import Hummingbird

/// The edge every request passes: it finds the request's contract surface,
/// negotiates the v2 microversion (400 malformed, 406 out of range), turns
/// away sunset routes (410), and stamps every response — errors included —
/// with the contract's headers.
struct ContractMiddleware: RouterMiddleware {
    typealias Context = NAASRequestContext
    let contract: APIContract
    let clock: @Sendable () -> Date
    private let deprecationStamp: DeprecationHeaders.Stamp

    init(contract: APIContract, clock: @escaping @Sendable () -> Date) {
        self.contract = contract
        self.clock = clock
        self.deprecationStamp = DeprecationHeaders.Stamp(contract.lifecycle)
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        context.surface = APISurface.of(path: request.uri.path)
        var response: Response
        do {
            try admit(request, &context)
            response = try await next(request, context)
        } catch let error as APIError {
            response = ErrorRenderer.response(for: error, context: context)
        }
        stamp(&response.headers, context: context)
        return response
    }

    private func admit(_ request: Request, _ context: inout Context) throws(APIError) {
        switch context.surface {
        case .v1, .legacy:
            if clock() >= contract.lifecycle.v1SunsetAt {
                throw .gone(successor: successor(of: request.uri.path))
            }
        case .v2:
            let range = contract.major(.v2).microversions!
            context.microversion = range.lowerBound
            context.microversion = try VersionNegotiation.microversion(requested: request.headers[.naasAPIVersion], in: range)
        case .unversioned:
            break
        }
        if context.rejectedRequestID {
            throw .badRequest("X-Request-ID must be a UUID (e.g. \(UUID().uuidString.lowercased())), or left out")
        }
    }

    private func stamp(_ headers: inout HTTPFields, context: Context) {
        switch context.surface {
        // Handlers never set these headers: appending skips the search that assigning makes.
        case .v1, .legacy:
            headers.append(Self.v1Major)
            deprecationStamp.add(to: &headers)
        case .v2:
            headers.append(Self.v2Major)
            headers.append(HTTPField(name: .naasAPIVersion, value: (context.microversion ?? APIContract.v2Minimum).description))
            headers.append(Self.varyByMicroversion)
        case .unversioned:
            break
        }
    }

    private static let v1Major = HTTPField(name: .apiVersion, value: "v1")
    private static let v2Major = HTTPField(name: .apiVersion, value: "v2")
    private static let varyByMicroversion = HTTPField(name: .vary, value: "NAAS-API-Version")

    /// The v2 path replacing a deprecated path, by the contract's route table.
    private func successor(of path: String) -> String? {
        for operation in APIContract.operations {
            for route in operation.routes where route.surface != .v2 {
                if let parameters = RouteTemplate.match(route.path, path), let target = operation.successorPath {
                    return RouteTemplate.fill(target, with: parameters)
                }
            }
        }
        return "/v2/"
    }
}
