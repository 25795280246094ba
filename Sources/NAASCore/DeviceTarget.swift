/// The device a job runs on.
public struct DeviceTarget: Sendable, Codable, Equatable, Hashable {
    public let host: String
    public let port: Int
    public let platform: String

    public init(host: String, port: Int = 22, platform: String) {
        self.host = host
        self.port = port
        self.platform = platform
    }

    /// `host:port` (`[v6]:port`): what the circuit breaker and lockouts count failures against.
    public var address: String {
        host.utf8.contains(UInt8(ascii: ":")) ? "[\(host)]:\(port)" : "\(host):\(port)"
    }
}
