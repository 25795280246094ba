import Foundation
import PostgresNIO

/// Where a PostgreSQL store lives: `postgres://user:password@host:port/database`
/// (or `postgresql://`), with an optional `?sslmode=disable|prefer|require|verify-full`.
/// As with libpq, the port defaults to 5432 and the database to the user's
/// name; TLS defaults to `prefer`, but to `disable` on a loopback address.
/// Printed, it shows no password.
struct PostgresURL: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible {
    enum TLSMode: String, Sendable, CaseIterable {
        case disable
        /// TLS when the server offers it, without verifying its certificate.
        case prefer
        /// TLS always, without verifying the server's certificate (libpq's meaning).
        case require
        /// TLS always, with the certificate verified against the system's roots and the host name.
        case verifyFull = "verify-full"
    }

    let host: String
    let port: Int
    let username: String
    let password: String?
    let database: String
    let tlsMode: TLSMode

    /// The URL as it may be shown: the password replaced by `***`.
    var redacted: String {
        let credentials = password == nil ? username : "\(username):***"
        let address = host.contains(":") ? "[\(host)]" : host
        return "postgres://\(credentials)@\(address):\(port)/\(database)"
    }

    var description: String { redacted }
    var debugDescription: String { redacted }

    init(_ text: String) throws(PostgresStoreError) {
        func invalid(_ reason: String) -> PostgresStoreError {
            .invalidURL(Self.redacting(text), reason: reason)
        }
        guard let components = URLComponents(string: text.trimmingCharacters(in: .whitespaces)) else {
            throw invalid("not a URL")
        }
        guard let scheme = components.scheme?.lowercased(), scheme == "postgres" || scheme == "postgresql" else {
            throw invalid("the scheme must be postgres or postgresql")
        }
        var host = components.host ?? ""
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        guard !host.isEmpty else { throw invalid("no host") }
        guard let username = components.user, !username.isEmpty else { throw invalid("no user name") }
        let port = components.port ?? 5432
        guard (1...65_535).contains(port) else { throw invalid("port \(port) is out of range") }
        let path = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
        guard !path.contains("/") else { throw invalid("the path must be just the database name") }

        var tlsMode = Self.isLoopback(host) ? TLSMode.disable : .prefer
        for item in components.queryItems ?? [] {
            guard item.name == "sslmode" else { throw invalid("unsupported parameter \(item.name) (only sslmode is understood)") }
            guard let mode = item.value.flatMap(TLSMode.init(rawValue:)) else {
                throw invalid("sslmode must be one of \(TLSMode.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            tlsMode = mode
        }
        self.host = host
        self.port = port
        self.username = username
        self.password = components.password
        self.database = path.isEmpty ? username : path
        self.tlsMode = tlsMode
    }

    /// A URL that could not be read, as it may be shown. A password may hold
    /// any character and the URL may be wrong anywhere, so everything before
    /// its last `@` (user and password) is hidden; without an `@`, all that
    /// follows the first colon after the scheme, where a password would start.
    static func redacting(_ text: String) -> String {
        let start = text.range(of: "://")?.upperBound ?? text.startIndex
        let scheme = text[..<start]
        let rest = text[start...]
        if let at = rest.range(of: "@", options: .backwards) {
            return scheme + "***" + rest[at.lowerBound...]
        }
        guard let colon = rest.firstIndex(of: ":") else { return text }
        return scheme + rest[..<colon] + ":***"
    }

    static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }

    /// The configuration of the connection pool.
    func clientConfiguration(maximumConnections: Int) -> PostgresClient.Configuration {
        var configuration = PostgresClient.Configuration(
            host: host, port: port, username: username, password: password, database: database, tls: clientTLS)
        configuration.options.maximumConnections = maximumConnections
        configuration.options.connectTimeout = .seconds(10)
        return configuration
    }

    /// The configuration of a single connection, outside the pool. Building a
    /// TLS context reads the system's trust roots from disk, so it is done on
    /// NIO's blocking thread pool.
    func connectionConfiguration() async throws -> PostgresConnection.Configuration {
        let tls: PostgresConnection.Configuration.TLS
        switch clientTLSConfiguration {
        case nil: tls = .disable
        case let configuration?:
            let context = try await NIOThreadPool.singleton.runIfActive { try NIOSSLContext(configuration: configuration) }
            tls = tlsMode == .prefer ? .prefer(context) : .require(context)
        }
        var configuration = PostgresConnection.Configuration(
            host: host, port: port, username: username, password: password, database: database, tls: tls)
        configuration.options.connectTimeout = .seconds(10)
        return configuration
    }

    private var clientTLS: PostgresClient.Configuration.TLS {
        switch clientTLSConfiguration {
        case nil: .disable
        case let configuration?: tlsMode == .prefer ? .prefer(configuration) : .require(configuration)
        }
    }

    private var clientTLSConfiguration: TLSConfiguration? {
        var configuration = TLSConfiguration.makeClientConfiguration()
        switch tlsMode {
        case .disable: return nil
        case .prefer, .require: configuration.certificateVerification = .none
        case .verifyFull: configuration.certificateVerification = .fullVerification
        }
        return configuration
    }
}
