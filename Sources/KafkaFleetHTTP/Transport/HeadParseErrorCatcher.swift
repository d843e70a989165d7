import NIOCore
import NIOHTTPTypes

/// Sits after the HTTP decoder: tells `RequestHeadGuard` where each request's head arrives and where it ends, and
/// gives it the decoder's errors first, so that a refused head is answered with an error body instead of a bare 400.
final class HeadParseErrorCatcher: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart

    private let headGuard: RequestHeadGuard

    init(headGuard: RequestHeadGuard) { self.headGuard = headGuard }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head: headGuard.headArrived()
        case .end: headGuard.requestEnded()
        case .body: break
        }
        context.fireChannelRead(data)
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        if headGuard.answer(error) { return }
        context.fireErrorCaught(error)
    }
}
