import Foundation
import NAASCore
import NIOCore
import NIOPosix

/// One Telnet connection over SwiftNIO, made to look blocking: the event loop
/// negotiates options and fills an inbox; `read` waits on that inbox.
///
/// It does not log in: devices ask for `Username:` and `Password:` in-band,
/// and the session above answers them as it answers any prompt.
final class TelnetConnection: DeviceTransport {
    /// One event loop serves every Telnet connection in the process: each one
    /// moves a few kilobytes, and the blocking sits on the callers' threads.
    private static let eventLoops = MultiThreadedEventLoopGroup(numberOfThreads: 1)

    private let channel: any Channel
    private let inbox: TelnetInbox

    /// Connects within `timeout` seconds. Option negotiation starts as soon
    /// as the server speaks; nothing is awaited here.
    init(target: DeviceTarget, timeout: Double) throws(DeviceFailure) {
        let inbox = TelnetInbox()
        let bootstrap = ClientBootstrap(group: Self.eventLoops)
            .connectTimeout(.nanoseconds(Int64(max(timeout, 0) * 1_000_000_000)))
            // Without NODELAY each short command line waits on Nagle.
            .channelOption(.socketOption(.tcp_nodelay), value: 1)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(TelnetClientHandler(inbox: inbox))
                }
            }
        let started = ContinuousClock.now
        do {
            channel = try bootstrap.connect(host: target.host, port: target.port).wait()
        } catch {
            throw Self.classifyConnectFailure(error, elapsed: ContinuousClock.now - started, timeout: timeout, target: target)
        }
        self.inbox = inbox
    }

    deinit {
        channel.close(promise: nil)
    }

    /// Maps NIO's connect errors onto the codes SSH connections report.
    static func classifyConnectFailure(_ error: any Error, elapsed: Duration, timeout: Double, target: DeviceTarget) -> DeviceFailure {
        let place = "\(target.host):\(target.port)"
        // Happy Eyeballs wraps each address's failure; one refusal means the host answered.
        let causes: [any Error] = (error as? NIOConnectionError).map { $0.connectionErrors.map(\.error) } ?? [error]
        if causes.contains(where: { ($0 as? IOError)?.errnoCode == ECONNREFUSED }) {
            return DeviceFailure(.connectionRefused, "Connection refused by \(place)")
        }
        let timedOut = causes.contains { cause in
            if case .connectTimeout = cause as? ChannelError { return true }
            return false
        }
        if timedOut || elapsed >= .seconds(timeout) {
            return DeviceFailure(.connectionTimeout, "No Telnet connection to \(place) within \(formatSeconds(timeout)) s")
        }
        return DeviceFailure(.sshError, "Telnet connection to \(place) failed: \(error)")
    }

    /// Sends text with every 0xFF doubled, and returns once it is written.
    func write(_ text: String) throws(DeviceFailure) {
        let bytes = TelnetNegotiation.escape(text.utf8)
        do {
            try channel.writeAndFlush(channel.allocator.buffer(bytes: bytes)).wait()
        } catch {
            throw DeviceFailure(.sshError, "Writing to the device failed: \(error)")
        }
    }

    /// Reads whatever data arrives within `milliseconds`. Returns nil once the
    /// server has closed the connection and everything it sent has been read.
    func read(waitingAtMost milliseconds: Int32) throws(DeviceFailure) -> [UInt8]? {
        try inbox.take(waitingAtMost: milliseconds)
    }
}

/// Data received on the event loop, waiting for the blocking reader.
/// Every stored property is guarded by `condition`, hence the unchecked Sendable.
final class TelnetInbox: @unchecked Sendable {
    private let condition = NSCondition()
    private var buffer: [UInt8] = []
    private var closed = false
    private var failure: (any Error)?

    /// Adds data and wakes the reader.
    func append(_ bytes: [UInt8]) {
        guard !bytes.isEmpty else { return }
        condition.lock()
        buffer += bytes
        condition.signal()
        condition.unlock()
    }

    /// Marks the end of the stream, with the error that ended it if any.
    func close(failure: (any Error)? = nil) {
        condition.lock()
        if self.failure == nil { self.failure = failure }
        closed = true
        condition.signal()
        condition.unlock()
    }

    /// Takes everything buffered, waiting up to `milliseconds` for something
    /// to arrive. Buffered data comes before the end of the stream or its error.
    func take(waitingAtMost milliseconds: Int32) throws(DeviceFailure) -> [UInt8]? {
        let deadline = Date(timeIntervalSinceNow: Double(max(milliseconds, 0)) / 1000)
        condition.lock()
        defer { condition.unlock() }
        while buffer.isEmpty && !closed {
            if !condition.wait(until: deadline) { break }
        }
        if !buffer.isEmpty {
            defer { buffer.removeAll(keepingCapacity: true) }
            return buffer
        }
        if let failure {
            throw DeviceFailure(.sshError, "Reading from the device failed: \(failure)")
        }
        return closed ? nil : []
    }
}

/// Runs the negotiation on the event loop: answers the server at once and
/// hands the remaining data to the inbox.
final class TelnetClientHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private let inbox: TelnetInbox
    private var negotiation = TelnetNegotiation()

    init(inbox: TelnetInbox) {
        self.inbox = inbox
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let buffer = unwrapInboundIn(data)
        let output = negotiation.receive(buffer.readableBytesView)
        if !output.replies.isEmpty {
            context.writeAndFlush(wrapOutboundOut(context.channel.allocator.buffer(bytes: output.replies)), promise: nil)
        }
        inbox.append(output.data)
    }

    func channelInactive(context: ChannelHandlerContext) {
        inbox.close()
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        inbox.close(failure: error)
        context.close(promise: nil)
    }
}
