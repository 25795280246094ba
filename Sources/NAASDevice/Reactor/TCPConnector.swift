import NAASCore
import NIOPosix

#if canImport(Glibc)
import Glibc
#endif

/// Opens a non-blocking TCP connection to a device on a reactor loop. The
/// connect itself is awaited on the loop; a host name is looked up on NIO's
/// thread pool, since `getaddrinfo` blocks.
struct TCPConnector {
    let loop: ReactorLoop

    /// A connected socket (non-blocking, TCP_NODELAY), tried on each address of the host in turn.
    func connect(to target: DeviceTarget, deadline: ContinuousClock.Instant, timeout: Double, protocolName: String) async throws(DeviceFailure) -> Int32 {
        let place = "\(target.host):\(target.port)"
        let addresses = try await Self.addresses(of: target)
        var lastError: Int32 = 0
        for address in addresses {
            let socket = Glibc.socket(Int32(address.family), Int32(SOCK_STREAM.rawValue | SOCK_NONBLOCK.rawValue | SOCK_CLOEXEC.rawValue), 0)
            guard socket >= 0 else {
                lastError = errno
                continue
            }
            var on: Int32 = 1
            // Without NODELAY every exchange waits on Nagle: ~45 ms more per connection.
            setsockopt(socket, Int32(IPPROTO_TCP), TCP_NODELAY, &on, socklen_t(MemoryLayout<Int32>.size))
            let started = address.withSockaddr { Glibc.connect(socket, $0, $1) }
            var failure: Int32 = started == 0 ? 0 : errno
            if failure == EINPROGRESS {
                guard await loop.wait(for: socket, .writable, until: deadline) else {
                    close(socket)
                    throw DeviceFailure(.connectionTimeout, "No \(protocolName) connection to \(place) within \(formatSeconds(timeout)) s")
                }
                var length = socklen_t(MemoryLayout<Int32>.size)
                getsockopt(socket, SOL_SOCKET, SO_ERROR, &failure, &length)
            }
            if failure == 0 { return socket }
            close(socket)
            lastError = failure
        }
        if lastError == ECONNREFUSED {
            throw DeviceFailure(.connectionRefused, "Connection refused by \(place)")
        }
        if lastError == ETIMEDOUT {
            throw DeviceFailure(.connectionTimeout, "No \(protocolName) connection to \(place) within \(formatSeconds(timeout)) s")
        }
        throw DeviceFailure(.sshError, "\(protocolName) connection to \(place) failed: \(String(cString: strerror(lastError)))")
    }

    /// The addresses to try: the host itself when it is an address (no lookup), else what the resolver returns.
    static func addresses(of target: DeviceTarget) async throws(DeviceFailure) -> [DeviceAddress] {
        if let numeric = DeviceAddress.all(host: target.host, port: target.port, numericOnly: true), !numeric.isEmpty {
            return numeric
        }
        let host = target.host
        let port = target.port
        let found = try? await NIOThreadPool.singleton.runIfActive {
            DeviceAddress.all(host: host, port: port, numericOnly: false)
        }
        guard let found = found ?? nil, !found.isEmpty else {
            throw DeviceFailure(.sshError, "Could not resolve the device's host name \(target.host)")
        }
        return found
    }
}

/// One socket address of a device, as `getaddrinfo` gave it.
struct DeviceAddress: Sendable {
    let family: Int32
    let bytes: [UInt8]

    /// Every TCP address of `host`; nil when the lookup fails. With `numericOnly`, no lookup is made.
    static func all(host: String, port: Int, numericOnly: Bool) -> [DeviceAddress]? {
        var hints = addrinfo()
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        hints.ai_flags = AI_NUMERICSERV | (numericOnly ? AI_NUMERICHOST : 0)
        var list: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, String(port), &hints, &list) == 0 else { return nil }
        defer { freeaddrinfo(list) }
        var addresses: [DeviceAddress] = []
        var entry = list
        while let current = entry {
            if let address = current.pointee.ai_addr {
                let raw = UnsafeRawBufferPointer(start: address, count: Int(current.pointee.ai_addrlen))
                addresses.append(DeviceAddress(family: current.pointee.ai_family, bytes: Array(raw)))
            }
            entry = current.pointee.ai_next
        }
        return addresses
    }

    func withSockaddr<Result>(_ body: (UnsafePointer<sockaddr>, socklen_t) -> Result) -> Result {
        bytes.withUnsafeBytes { raw in
            body(raw.baseAddress!.assumingMemoryBound(to: sockaddr.self), socklen_t(raw.count))
        }
    }
}
