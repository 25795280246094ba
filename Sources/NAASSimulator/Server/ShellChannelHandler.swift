import NIOCore
import NIOSSH

/// One SSH session channel: accepts the PTY and shell requests and runs the CLI on it.
final class ShellChannelHandler: ChannelDuplexHandler {
    typealias InboundIn = SSHChannelData
    typealias OutboundIn = Never
    typealias OutboundOut = SSHChannelData

    private let makeSession: () -> CLISession
    private var driver: SessionDriver?

    init(makeSession: @escaping () -> CLISession) {
        self.makeSession = makeSession
    }

    func handlerAdded(context: ChannelHandlerContext) {
        _ = context.channel.setOption(ChannelOptions.allowRemoteHalfClosure, value: true)
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        switch event {
        case let request as SSHChannelRequestEvent.PseudoTerminalRequest:
            reply(context, request.wantReply)
        case let request as SSHChannelRequestEvent.EnvironmentRequest:
            reply(context, request.wantReply)
        case let request as SSHChannelRequestEvent.WindowChangeRequest:
            reply(context, request.wantReply)
        case let request as SSHChannelRequestEvent.ShellRequest:
            reply(context, request.wantReply)
            startShell(context)
        case let request as SSHChannelRequestEvent.ExecRequest:
            reply(context, request.wantReply)
            runExec(context, command: request.command)
        case let request as SSHChannelRequestEvent.SubsystemRequest:
            if request.wantReply { context.triggerUserOutboundEvent(ChannelFailureEvent(), promise: nil) }
        case is ChannelEvent:
            if case ChannelEvent.inputClosed = event as! ChannelEvent { context.close(promise: nil) }
        default:
            context.fireUserInboundEventTriggered(event)
        }
    }

    private func reply(_ context: ChannelHandlerContext, _ wantReply: Bool) {
        if wantReply { context.triggerUserOutboundEvent(ChannelSuccessEvent(), promise: nil) }
    }

    private func startShell(_ context: ChannelHandlerContext) {
        guard driver == nil else { return }
        let channel = context.channel
        let loopBound = NIOLoopBound(context, eventLoop: context.eventLoop)
        let driver = SessionDriver(
            session: makeSession(), eventLoop: context.eventLoop,
            write: { text in
                let context = loopBound.value
                var buffer = context.channel.allocator.buffer(capacity: text.utf8.count)
                buffer.writeString(text)
                context.writeAndFlush(NIOAny(SSHChannelData(type: .channel, data: .byteBuffer(buffer))), promise: nil)
            },
            close: { channel.close(promise: nil) })
        self.driver = driver
        driver.start(authenticated: true)
    }

    /// An exec request runs one line at the device's privileged level and closes.
    private func runExec(_ context: ChannelHandlerContext, command: String) {
        let session = makeSession()
        var output = ""
        for effect in session.start(authenticated: true) + session.receive(Array((command + "\n").utf8)) {
            if case .output(let text) = effect { output += text }
        }
        var buffer = context.channel.allocator.buffer(capacity: output.utf8.count)
        buffer.writeString(output)
        context.writeAndFlush(NIOAny(SSHChannelData(type: .channel, data: .byteBuffer(buffer))), promise: nil)
        session.connectionClosed()
        let channel = context.channel
        context.triggerUserOutboundEvent(SSHChannelRequestEvent.ExitStatus(exitStatus: 0)).whenComplete { _ in
            channel.close(promise: nil)
        }
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let message = unwrapInboundIn(data)
        guard case .channel = message.type, case .byteBuffer(let buffer) = message.data else { return }
        driver?.receive(Array(buffer.readableBytesView))
    }

    func channelInactive(context: ChannelHandlerContext) {
        driver?.connectionClosed()
        context.fireChannelInactive()
    }
}
