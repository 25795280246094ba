import Foundation
import NAASCore
import NIOCore
import NIOPosix
import Synchronization
import Testing
@testable import NAASDevice

@Suite struct TelnetConnectionTests {
    static let iac = TelnetCode.iac

    /// What the loopback server sends on accepting: the options fake-switches
    /// and IOS announce, requests for a terminal type and a window size, and a
    /// login prompt.
    static let greeting: [UInt8] =
        [iac, TelnetCode.will, TelnetOption.echo, iac, TelnetCode.will, TelnetOption.suppressGoAhead,
         iac, TelnetCode.do, TelnetOption.terminalType, iac, TelnetCode.do, TelnetOption.naws,
         iac, TelnetCode.sb, TelnetOption.terminalType, TelnetCode.send, iac, TelnetCode.se]
        + Array("Username: ".utf8)

    @Test func negotiatesAndExchangesTextWithALoopbackServer() async throws {
        let server = try await LoopbackTelnetServer.start(greeting: Self.greeting)
        defer { server.close() }
        let target = DeviceTarget(host: "127.0.0.1", port: server.port, platform: "cisco_ios_telnet")

        let connection = try await TelnetConnection.connect(to: target, timeout: 5)
        let prompt = try await Self.read(from: connection, until: Array("Username: ".utf8))
        try await server.waitForReceived(count: 3 + 3 + 3 + 3 + 10 + 11)
        try await connection.write("admin\r\n")
        try await server.waitForReceived(count: 3 + 3 + 3 + 3 + 10 + 11 + 7)
        try await server.send(Array("Password: ".utf8) + [Self.iac, Self.iac] + Array("\r\0".utf8), thenClose: true)
        let rest = try await Self.read(from: connection, until: Array("Password: ".utf8) + [0xFF, 13])
        let end = try await connection.read(waitingAtMost: 2000)

        #expect(prompt == Array("Username: ".utf8))
        #expect(rest == Array("Password: ".utf8) + [0xFF, 13])
        #expect(end == nil)
        let received = server.received
        let answers: [UInt8] =
            [Self.iac, TelnetCode.do, TelnetOption.echo, Self.iac, TelnetCode.do, TelnetOption.suppressGoAhead,
             Self.iac, TelnetCode.will, TelnetOption.terminalType, Self.iac, TelnetCode.will, TelnetOption.naws,
             Self.iac, TelnetCode.sb, TelnetOption.naws, 0x01, 0xFF, 0xFF, 0x03, 0xE8, Self.iac, TelnetCode.se,
             Self.iac, TelnetCode.sb, TelnetOption.terminalType, TelnetCode.is] + Array("VT100".utf8) + [Self.iac, TelnetCode.se]
        #expect(received == answers + Array("admin\r\n".utf8))
    }

    @Test func readWithNothingToReadReturnsEmptyInTime() async throws {
        let server = try await LoopbackTelnetServer.start(greeting: [])
        defer { server.close() }
        let target = DeviceTarget(host: "127.0.0.1", port: server.port, platform: "cisco_ios_telnet")
        let connection = try await TelnetConnection.connect(to: target, timeout: 5)
        let started = ContinuousClock.now
        let bytes = try await connection.read(waitingAtMost: 100)
        let elapsed = ContinuousClock.now - started
        #expect(bytes == [])
        #expect(elapsed >= .milliseconds(90) && elapsed < .seconds(2))
    }

    @Test func closedPortIsConnectionRefused() async throws {
        let server = try await LoopbackTelnetServer.start(greeting: [])
        let port = server.port
        server.close()
        let target = DeviceTarget(host: "127.0.0.1", port: port, platform: "cisco_ios_telnet")
        var failure: DeviceFailure?
        do throws(DeviceFailure) {
            _ = try await TelnetConnection.connect(to: target, timeout: 5)
        } catch {
            failure = error
        }
        #expect(failure == DeviceFailure(.connectionRefused, "Connection refused by 127.0.0.1:\(port)"))
    }

    @Test func connectTimeoutIsClassifiedAsTimeout() {
        let target = DeviceTarget(host: "192.0.2.1", port: 23, platform: "cisco_ios_telnet")
        let failure = TelnetConnection.classifyConnectFailure(
            ChannelError.connectTimeout(.seconds(5)), elapsed: .seconds(5), timeout: 5, target: target)
        #expect(failure == DeviceFailure(.connectionTimeout, "No Telnet connection to 192.0.2.1:23 within 5 s"))
    }

    @Test func otherConnectFailuresAreTransportErrors() {
        let target = DeviceTarget(host: "sw1.invalid", port: 23, platform: "cisco_ios_telnet")
        let failure = TelnetConnection.classifyConnectFailure(
            ChannelError.ioOnClosedChannel, elapsed: .milliseconds(3), timeout: 5, target: target)
        #expect(failure.code == .sshError)
        #expect(failure.message.hasPrefix("Telnet connection to sw1.invalid:23 failed: "))
    }

    /// Reads until the data ends with `suffix`, for at most five seconds.
    static func read(from connection: TelnetConnection, until suffix: [UInt8]) async throws -> [UInt8] {
        var data: [UInt8] = []
        let deadline = ContinuousClock.now + .seconds(5)
        while !data.ends(with: suffix), ContinuousClock.now < deadline {
            guard let chunk = try await connection.read(waitingAtMost: 200) else { break }
            data += chunk
        }
        return data
    }
}

extension Array where Element == UInt8 {
    fileprivate func ends(with suffix: [UInt8]) -> Bool {
        count >= suffix.count && Array(self[(count - suffix.count)...]) == suffix
    }
}

/// A Telnet server on 127.0.0.1 that greets one client and records what it sends.
private final class LoopbackTelnetServer: Sendable {
    let port: Int
    private let listener: any Channel
    private let recorder: Recorder

    private init(listener: any Channel, recorder: Recorder) {
        self.listener = listener
        self.recorder = recorder
        self.port = listener.localAddress?.port ?? 0
    }

    static func start(greeting: [UInt8]) async throws -> LoopbackTelnetServer {
        let recorder = Recorder()
        let listener = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(Greeter(greeting: greeting, recorder: recorder))
                }
            }
            .bind(host: "127.0.0.1", port: 0)
            .get()
        return LoopbackTelnetServer(listener: listener, recorder: recorder)
    }

    /// Everything the client has sent so far.
    var received: [UInt8] { recorder.bytes.withLock { $0 } }

    /// Waits up to five seconds for the client to have sent `count` bytes.
    func waitForReceived(count: Int) async throws {
        let deadline = ContinuousClock.now + .seconds(5)
        while received.count < count {
            guard ContinuousClock.now < deadline else { throw ServerError.clientSilent(received) }
            try await Task.sleep(for: .milliseconds(10))
        }
    }

    /// Sends bytes to the connected client, then optionally hangs up.
    func send(_ bytes: [UInt8], thenClose: Bool) async throws {
        guard let client = recorder.client.withLock({ $0 }) else { throw ServerError.noClient }
        try await client.writeAndFlush(client.allocator.buffer(bytes: bytes)).get()
        if thenClose { try await client.close().get() }
    }

    func close() {
        listener.close(promise: nil)
        recorder.client.withLock { $0 }?.close(promise: nil)
    }

    enum ServerError: Error {
        case noClient
        case clientSilent([UInt8])
    }

    final class Recorder: Sendable {
        let bytes = Mutex<[UInt8]>([])
        let client = Mutex<(any Channel)?>(nil)
    }

    final class Greeter: ChannelInboundHandler {
        typealias InboundIn = ByteBuffer
        typealias OutboundOut = ByteBuffer
        let greeting: [UInt8]
        let recorder: Recorder

        init(greeting: [UInt8], recorder: Recorder) {
            self.greeting = greeting
            self.recorder = recorder
        }

        func channelActive(context: ChannelHandlerContext) {
            recorder.client.withLock { $0 = context.channel }
            if !greeting.isEmpty {
                context.writeAndFlush(wrapOutboundOut(context.channel.allocator.buffer(bytes: greeting)), promise: nil)
            }
            context.fireChannelActive()
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            let buffer = unwrapInboundIn(data)
            recorder.bytes.withLock { $0 += Array(buffer.readableBytesView) }
        }
    }
}
