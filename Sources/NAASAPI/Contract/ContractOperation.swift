import NAASCore
import HTTPTypes

/// One operation and every path it is served at.
public struct ContractOperation: Sendable {
    public struct Route: Sendable, Hashable {
        public let surface: APISurface
        /// The OpenAPI path template, e.g. `/v2/send-command/{job_id}`.
        public let path: String
    }

    public let id: OperationID
    public let method: HTTPRequest.Method
    public let routes: [Route]
    /// The first v2 microversion that has this operation (2.0 for the original set).
    public let v2Since: Microversion
    /// The role it needs, and whether its resource's context must be allowed.
    public let access: OperationAccess

    init(_ id: OperationID, _ method: HTTPRequest.Method, _ access: OperationAccess, v1: String? = nil, legacy: String? = nil,
         v2: String? = nil, unversioned: [String] = [], v2Since: Microversion = APIContract.v2Minimum) {
        self.id = id
        self.method = method
        self.access = access
        var routes: [Route] = []
        if let v1 { routes.append(Route(surface: .v1, path: v1)) }
        if let legacy { routes.append(Route(surface: .legacy, path: legacy)) }
        if let v2 { routes.append(Route(surface: .v2, path: v2)) }
        routes += unversioned.map { Route(surface: .unversioned, path: $0) }
        self.routes = routes
        self.v2Since = v2Since
    }

    /// The v2 path that replaces this operation's deprecated paths.
    public var successorPath: String? {
        routes.first { $0.surface == .v2 }?.path
    }
}
