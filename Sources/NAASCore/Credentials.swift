/// Device login material. Its descriptions never reveal a secret, so it is safe
/// to interpolate into logs and errors by accident.
public struct Credentials: Sendable, Codable, Equatable, CustomStringConvertible, CustomDebugStringConvertible {
    public let username: String
    public let password: String
    /// The secret `enable` asks for when the device starts in user mode.
    public let enableSecret: String?

    public init(username: String, password: String, enableSecret: String? = nil) {
        self.username = username
        self.password = password
        self.enableSecret = enableSecret
    }

    public var description: String { "Credentials(username: \(username), password: <redacted>)" }
    public var debugDescription: String { description }
}
