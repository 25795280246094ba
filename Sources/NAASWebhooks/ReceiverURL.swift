import Foundation

/// A webhook receiver's URL, checked: `https` (or `http` where allowed), a
/// host, no login in it. What the deliverer connects to and what the job shows.
public struct ReceiverURL: Sendable, Equatable {
    public let text: String
    public let usesTLS: Bool
    /// The host without IPv6 brackets.
    public let host: String
    public let port: Int
    /// The path and query the POST goes to.
    public let target: String

    public static let maxLength = 2048

    /// Why a URL is refused, worded for the client that sent it.
    public struct Refusal: Error, Equatable, CustomStringConvertible {
        public let description: String
    }

    public init(checking text: String, allowsHTTP: Bool) throws(Refusal) {
        guard text.utf8.count <= Self.maxLength else {
            throw Refusal(description: "webhook_url is longer than \(Self.maxLength) characters")
        }
        guard let parts = URLComponents(string: text), let scheme = parts.scheme?.lowercased() else {
            throw Refusal(description: "webhook_url is not a URL (e.g. https://hooks.example.com/naas)")
        }
        switch scheme {
        case "https": usesTLS = true
        case "http" where allowsHTTP: usesTLS = false
        case "http": throw Refusal(description: "webhook_url must use https (plain http is not allowed on this server)")
        default: throw Refusal(description: "webhook_url must be an https URL, not \(scheme)")
        }
        guard parts.user == nil, parts.password == nil else {
            throw Refusal(description: "webhook_url must not carry a login: sign deliveries with webhook_secret instead")
        }
        var host = parts.host ?? ""
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        guard !host.isEmpty else { throw Refusal(description: "webhook_url has no host") }
        guard host.unicodeScalars.allSatisfy({ $0.isASCII && !$0.properties.isWhitespace }) else {
            throw Refusal(description: "webhook_url's host must be ASCII (use its punycode form)")
        }
        self.text = text
        self.host = host
        self.port = parts.port ?? (usesTLS ? 443 : 80)
        guard (1...65_535).contains(port) else { throw Refusal(description: "webhook_url's port must be 1 to 65535") }
        let path = parts.percentEncodedPath.isEmpty ? "/" : parts.percentEncodedPath
        self.target = parts.percentEncodedQuery.map { "\(path)?\($0)" } ?? path
    }

    /// `Host:` as the request carries it.
    var hostHeader: String {
        let name = host.contains(":") ? "[\(host)]" : host
        return port == (usesTLS ? 443 : 80) ? name : "\(name):\(port)"
    }

    /// Whether the host is an address, not a name (no SNI, and the certificate must name the address).
    var hostIsAddress: Bool {
        var v4 = in_addr(), v6 = in6_addr()
        return inet_pton(AF_INET, host, &v4) == 1 || inet_pton(AF_INET6, host, &v6) == 1
    }
}
