import NIOHTTPTypes
import NIOCore

/// Closes the connection once a response has been written: the status API answers one
/// request per connection (`Connection: close`), as it always has, so a client that reads to
/// the end of the stream gets its end, and no connection lingers in keep-alive.
///
/// Sits in Hummingbird's HTTP/1 pipeline after the HTTP codec (``StatusHTTPServer``); the
/// close waits for the last part to be written, so no byte of the response is lost.
final class CloseAfterResponse: ChannelOutboundHandler, RemovableChannelHandler {
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        guard case .end = unwrapOutboundIn(data) else {
            context.write(data, promise: promise)
            return
        }
        let written = promise ?? context.eventLoop.makePromise(of: Void.self)
        context.writeAndFlush(data, promise: written)
        written.futureResult.assumeIsolated().whenComplete { _ in context.close(promise: nil) }
    }
}
