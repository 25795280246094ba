import NAASCore
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL

/// POSTs one delivery to an address already judged, over TLS for `https`,
/// and reports the response's status: one request per connection, no
/// redirects followed (a redirect could lead past the address check), and
/// the whole exchange bounded by `timeout` so a receiver that hangs is let go.
public struct ReceiverClient: Sendable {
    let tls: NIOSSLContext
    let group: any EventLoopGroup

    public init(extraTrustRootsFile: String?, group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton) throws {
        var configuration = TLSConfiguration.makeClientConfiguration()
        configuration.minimumTLSVersion = .tlsv12
        if let extraTrustRootsFile {
            configuration.additionalTrustRoots = [.file(extraTrustRootsFile)]
        }
        self.tls = try NIOSSLContext(configuration: configuration)
        self.group = group
    }

    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// The status code the receiver answered with.
    public func post(
        _ body: [UInt8], headers extraHeaders: [(String, String)], to url: ReceiverURL, at address: SocketAddress,
        timeout: Duration
    ) async throws -> Int {
        let answer = group.next().makePromise(of: Int.self)
        let (tls, serverName) = (url.usesTLS ? tls : nil, url.hostIsAddress ? nil : url.host)
        let bootstrap = ClientBootstrap(group: answer.futureResult.eventLoop)
            .connectTimeout(.milliseconds(Int64(timeout.milliseconds)))
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    if let tls {
                        // Without a name the certificate must name the address connected to.
                        try channel.pipeline.syncOperations.addHandler(NIOSSLClientHandler(context: tls, serverHostname: serverName))
                    }
                    try channel.pipeline.syncOperations.addHTTPClientHandlers()
                    try channel.pipeline.syncOperations.addHandler(StatusLine(answer))
                }
            }
        let expiry = answer.futureResult.eventLoop.scheduleTask(in: .milliseconds(Int64(timeout.milliseconds))) {
            answer.fail(Failure(description: "no answer within \(timeout.secondsText) s"))
        }
        defer { expiry.cancel() }
        let channel: any Channel
        do {
            channel = try await bootstrap.connect(to: address).get()
        } catch {
            answer.fail(error)
            throw Failure(description: "cannot connect to \(url.hostHeader): \(Self.describe(error))")
        }
        defer { channel.close(promise: nil) }
        answer.futureResult.whenComplete { _ in channel.close(promise: nil) }
        var head = HTTPRequestHead(version: .http1_1, method: .POST, uri: url.target)
        head.headers.add(name: "Host", value: url.hostHeader)
        head.headers.add(name: "Content-Type", value: "application/json")
        head.headers.add(name: "Content-Length", value: String(body.count))
        head.headers.add(name: "Connection", value: "close")
        for (name, value) in extraHeaders { head.headers.add(name: name, value: value) }
        channel.write(HTTPClientRequestPart.head(head), promise: nil)
        channel.write(HTTPClientRequestPart.body(.byteBuffer(channel.allocator.buffer(bytes: body))), promise: nil)
        channel.writeAndFlush(HTTPClientRequestPart.end(nil), promise: nil)
        do {
            return try await answer.futureResult.get()
        } catch let failure as Failure {
            throw failure
        } catch {
            throw Failure(description: Self.describe(error))
        }
    }

    static func describe(_ error: any Error) -> String {
        switch error {
        case let error as NIOSSLError: "TLS: \(error)"
        case let error as NIOSSLExtraError: "TLS: \(error)"
        case let error as IOError: error.description
        default: "\(error)"
        }
    }
}

/// Completes the promise with the response's status as soon as its head arrives.
private final class StatusLine: ChannelInboundHandler {
    typealias InboundIn = HTTPClientResponsePart

    private let answer: EventLoopPromise<Int>

    init(_ answer: EventLoopPromise<Int>) {
        self.answer = answer
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if case .head(let head) = unwrapInboundIn(data) {
            answer.succeed(Int(head.status.code))
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        answer.fail(error)
        context.close(promise: nil)
    }

    func channelInactive(context: ChannelHandlerContext) {
        answer.fail(ReceiverClient.Failure(description: "the receiver closed the connection without answering"))
        context.fireChannelInactive()
    }
}
