import Foundation
import NIOCore
import NIOPosix

/// Finds a receiver's addresses and judges them, at submission and again
/// right before each delivery; the delivery connects to the address judged,
/// so a name that changes its answer in between cannot slip past the check.
public struct ReceiverResolver: Sendable {
    let allowsPrivateAddresses: Bool
    /// getaddrinfo blocks: it runs on these threads, never on the cooperative pool.
    let threads: NIOThreadPool

    public init(allowsPrivateAddresses: Bool, threads: NIOThreadPool = .singleton) {
        self.allowsPrivateAddresses = allowsPrivateAddresses
        self.threads = threads
    }

    /// The address to connect to, or a refusal saying why there is none.
    public func address(of url: ReceiverURL) async throws(ReceiverURL.Refusal) -> SocketAddress {
        let (host, port) = (url.host, url.port)
        let found: [SocketAddress]
        do {
            found = try await threads.runIfActive { try Self.lookUp(host, port: port) }
        } catch {
            throw ReceiverURL.Refusal(description: "webhook_url's host \(host) does not resolve: \(error)")
        }
        guard let first = found.first else {
            throw ReceiverURL.Refusal(description: "webhook_url's host \(host) has no address")
        }
        if !allowsPrivateAddresses {
            // Every address must pass: a name with one public and one private address is refused.
            for candidate in found {
                if let reason = ReceiverAddress.refusal(of: candidate) {
                    throw ReceiverURL.Refusal(description: "webhook_url's host \(host) is \(reason), "
                        + "which may not receive webhooks; use a public address")
                }
            }
        }
        return first
    }

    struct LookupFailure: Error, CustomStringConvertible {
        let description: String
    }

    static func lookUp(_ host: String, port: Int) throws -> [SocketAddress] {
        var hints = addrinfo()
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        hints.ai_protocol = Int32(IPPROTO_TCP)
        var list: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(host, String(port), &hints, &list)
        guard status == 0, let list else {
            throw LookupFailure(description: String(cString: gai_strerror(status)))
        }
        defer { freeaddrinfo(list) }
        var addresses: [SocketAddress] = []
        var entry: UnsafeMutablePointer<addrinfo>? = list
        while let current = entry {
            if let raw = current.pointee.ai_addr {
                switch current.pointee.ai_family {
                case AF_INET:
                    addresses.append(raw.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { SocketAddress($0.pointee, host: host) })
                case AF_INET6:
                    addresses.append(raw.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { SocketAddress($0.pointee, host: host) })
                default:
                    break
                }
            }
            entry = current.pointee.ai_next
        }
        return addresses
    }
}
