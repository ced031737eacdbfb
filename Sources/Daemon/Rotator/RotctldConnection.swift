import NIOCore

/// Splits a rotctld client's bytes into lines (without `\n`); more than `maximumLineBytes`
/// without a newline is an error (`RotctldLineTooLong`).
struct RotctldLineDecoder: ByteToMessageDecoder {
    typealias InboundOut = String

    let maximumLineBytes: Int

    mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        guard let newline = buffer.readableBytesView.firstIndex(of: 0x0A) else {
            if buffer.readableBytes > maximumLineBytes { throw RotctldLineTooLong() }
            return .needMoreData
        }
        let length = newline - buffer.readerIndex
        let line = buffer.readString(length: length) ?? ""
        buffer.moveReaderIndex(forwardBy: 1)
        context.fireChannelRead(wrapInboundOut(line))
        return .continue
    }

    mutating func decodeLast(context: ChannelHandlerContext, buffer: inout ByteBuffer, seenEOF: Bool) throws -> DecodingState {
        while try decode(context: context, buffer: &buffer) == .continue {}
        return .needMoreData
    }
}

/// A line longer than the protocol allows.
struct RotctldLineTooLong: Error {}

/// One rotctld client: each line answered through ``RotctldProtocol``; `q` closes; an idle
/// read timeout closes; an over-long line gets `RPRT -1` and a close.
final class RotctldConnectionHandler: ChannelInboundHandler {
    typealias InboundIn = String
    typealias OutboundOut = ByteBuffer

    private let protocolHandler: RotctldProtocol
    private let clients: RotctldClients

    init(protocolHandler: RotctldProtocol, clients: RotctldClients) {
        self.protocolHandler = protocolHandler
        self.clients = clients
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch protocolHandler.reply(to: unwrapInboundIn(data)) {
        case .close:
            context.close(promise: nil)
        case .send(let text):
            context.writeAndFlush(wrapOutboundOut(ByteBuffer(string: text)), promise: nil)
        }
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if event is IdleStateHandler.IdleStateEvent {
            context.close(promise: nil)
        } else {
            context.fireUserInboundEventTriggered(event)
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        guard error is RotctldLineTooLong else {
            context.close(promise: nil)
            return
        }
        let done = context.eventLoop.makePromise(of: Void.self)
        context.writeAndFlush(wrapOutboundOut(ByteBuffer(string: "RPRT -1\n")), promise: done)
        done.futureResult.assumeIsolated().whenComplete { _ in context.close(promise: nil) }
    }
}
