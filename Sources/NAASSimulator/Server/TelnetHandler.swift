import NIOCore

/// A Telnet connection: negotiation, in-band login, then the same CLI as SSH.
final class TelnetHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private let makeSession: () -> CLISession
    private var parser = TelnetParser()
    private var driver: SessionDriver?

    init(makeSession: @escaping () -> CLISession) {
        self.makeSession = makeSession
    }

    func channelActive(context: ChannelHandlerContext) {
        context.writeAndFlush(wrapOutboundOut(context.channel.allocator.buffer(bytes: TelnetParser.greeting)), promise: nil)
        let channel = context.channel
        let loopBound = NIOLoopBound(context, eventLoop: context.eventLoop)
        let driver = SessionDriver(
            session: makeSession(), eventLoop: context.eventLoop,
            write: { text in
                let context = loopBound.value
                context.writeAndFlush(NIOAny(context.channel.allocator.buffer(bytes: TelnetParser.escape(text))), promise: nil)
            },
            close: { channel.close(promise: nil) })
        self.driver = driver
        driver.start(authenticated: false)
        context.fireChannelActive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let buffer = unwrapInboundIn(data)
        let (bytes, replies) = parser.parse(Array(buffer.readableBytesView))
        if !replies.isEmpty {
            context.writeAndFlush(wrapOutboundOut(context.channel.allocator.buffer(bytes: replies)), promise: nil)
        }
        if !bytes.isEmpty { driver?.receive(bytes) }
    }

    func channelInactive(context: ChannelHandlerContext) {
        driver?.connectionClosed()
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        context.close(promise: nil)
    }
}
