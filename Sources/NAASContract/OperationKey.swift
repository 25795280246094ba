import OpenAPIKit

/// What makes two operations in different documents "the same" operation: the
/// method and the shape of the path.
struct OperationKey: Hashable {
    let method: String
    let pathShape: String

    init(_ endpoint: ResolvedEndpoint) {
        method = endpoint.method.rawValue.uppercased()
        pathShape = PathTemplate(endpoint.path.rawValue).shape
    }
}

extension ResolvedEndpoint {
    /// `METHOD /path`, the prefix of every location inside this operation.
    var displayName: String { "\(method.rawValue.uppercased()) \(path.rawValue)" }
}
