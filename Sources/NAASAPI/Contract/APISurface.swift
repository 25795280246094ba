/// Which contract a request path belongs to.
public enum APISurface: String, Sendable, CaseIterable {
    /// `/v1/...`: the frozen, deprecated NAAS v1 contract.
    case v1
    /// `/send_command`, `/send_config` and their `/{id}` forms: deprecated aliases of v1.
    case legacy
    /// `/v2/...`: the current contract, with microversions.
    case v2
    /// `/healthcheck`, `/versions`, `/metrics`, `/apidoc`: permanent and unversioned.
    case unversioned

    /// The surface of a request path.
    public static func of(path: String) -> APISurface {
        if path == "/v1" || path.hasPrefix("/v1/") { return .v1 }
        if path == "/v2" || path.hasPrefix("/v2/") { return .v2 }
        for alias in ["/send_command", "/send_config"] where path == alias || path.hasPrefix(alias + "/") {
            return .legacy
        }
        return .unversioned
    }

    /// The major contract the surface speaks, if any.
    public var major: MajorVersion.ID? {
        switch self {
        case .v1, .legacy: .v1
        case .v2: .v2
        case .unversioned: nil
        }
    }

    /// Whether every response on this surface carries deprecation headers.
    public var isDeprecated: Bool { major == .v1 }
}
