import NAASCore
import NIOCore
import NIOPosix
import Synchronization

/// One Telnet connection over SwiftNIO: the event loop negotiates options
/// and fills an inbox; `read` suspends until data arrives or its wait ends.
///
/// It does not log in: devices ask for `Username:` and `Password:` in-band,
/// and the session above answers them as it answers any prompt.
final class TelnetConnection: DeviceTransport {
    /// One event loop serves every Telnet connection in the process: each one
    /// moves a few kilobytes, and sessions wait by suspending, not on it.
    private static let eventLoops = MultiThreadedEventLoopGroup(numberOfThreads: 1)

    private let channel: any Channel
    private let inbox: TelnetInbox

    private init(channel: any Channel, inbox: TelnetInbox) {
        self.channel = channel
        self.inbox = inbox
    }

    /// Connects within `timeout` seconds. Option negotiation starts as soon
    /// as the server speaks; nothing is awaited here.
    static func connect(to target: DeviceTarget, timeout: Double) async throws(DeviceFailure) -> TelnetConnection {
        let eventLoop = eventLoops.next()
        let inbox = TelnetInbox(eventLoop: eventLoop)
        let bootstrap = ClientBootstrap(group: eventLoop)
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
            let channel = try await bootstrap.connect(host: target.host, port: target.port).get()
            return TelnetConnection(channel: channel, inbox: inbox)
        } catch {
            throw classifyConnectFailure(error, elapsed: ContinuousClock.now - started, timeout: timeout, target: target)
        }
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
    func write(_ text: String) async throws(DeviceFailure) {
        let bytes = TelnetNegotiation.escape(text.utf8)
        do {
            try await channel.writeAndFlush(channel.allocator.buffer(bytes: bytes)).get()
        } catch {
            throw DeviceFailure(.sshError, "Writing to the device failed: \(error)")
        }
    }

    /// Reads whatever data arrives within `milliseconds`. Returns nil once the
    /// server has closed the connection and everything it sent has been read.
    func read(waitingAtMost milliseconds: Int32) async throws(DeviceFailure) -> [UInt8]? {
        try await inbox.take(waitingAtMost: milliseconds).get()
    }
}

/// Data received on the event loop, waiting for the session's next read.
final class TelnetInbox: Sendable {
    typealias Taken = Result<[UInt8]?, DeviceFailure>

    private struct State {
        var buffer: [UInt8] = []
        var closed = false
        var failure: (any Error)?
        /// The read waiting for data, and the timer that ends its wait.
        var reader: (continuation: CheckedContinuation<Taken, Never>, timer: Scheduled<Void>)?

        /// What a read gets now, or nil when it should wait.
        mutating func take(waited: Bool) -> Taken? {
            if !buffer.isEmpty {
                defer { buffer.removeAll(keepingCapacity: true) }
                return .success(buffer)
            }
            if let failure {
                return .failure(DeviceFailure(.sshError, "Reading from the device failed: \(failure)"))
            }
            if closed { return .success(nil) }
            return waited ? .success([]) : nil
        }
    }

    private let state = Mutex(State())
    private let eventLoop: any EventLoop

    init(eventLoop: any EventLoop) {
        self.eventLoop = eventLoop
    }

    /// Adds data and wakes the reader.
    func append(_ bytes: [UInt8]) {
        guard !bytes.isEmpty else { return }
        state.withLock { $0.buffer += bytes }
        wakeReader()
    }

    /// Marks the end of the stream, with the error that ended it if any.
    func close(failure: (any Error)? = nil) {
        state.withLock { state in
            if state.failure == nil { state.failure = failure }
            state.closed = true
        }
        wakeReader()
    }

    /// Takes everything buffered, waiting up to `milliseconds` for something
    /// to arrive. Buffered data comes before the end of the stream or its error.
    func take(waitingAtMost milliseconds: Int32) async -> Taken {
        await withCheckedContinuation { continuation in
            let taken: Taken? = state.withLock { state in
                if let ready = state.take(waited: false) { return ready }
                let timer = eventLoop.scheduleTask(in: .milliseconds(Int64(max(milliseconds, 0)))) { [self] in
                    self.wakeReader()
                }
                state.reader = (continuation, timer)
                return nil
            }
            if let taken { continuation.resume(returning: taken) }
        }
    }

    /// Resumes the waiting reader, if any, with what there is (possibly nothing: its time is up).
    private func wakeReader() {
        let woken: (CheckedContinuation<Taken, Never>, Taken)? = state.withLock { state in
            guard let reader = state.reader else { return nil }
            state.reader = nil
            reader.timer.cancel()
            return (reader.continuation, state.take(waited: true) ?? .success([]))
        }
        if let (continuation, taken) = woken { continuation.resume(returning: taken) }
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
