import NIOCore

/// Ends a connection on any pipeline error (bad SSH packets, resets) instead of logging it.
final class CloseOnErrorHandler: ChannelInboundHandler, Sendable {
    typealias InboundIn = Any

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        context.close(promise: nil)
    }
}
