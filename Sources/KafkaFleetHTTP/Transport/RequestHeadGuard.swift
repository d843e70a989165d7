import KafkaFleetCore
import NIOCore
import NIOHTTP1

/// The first handler of an API connection, between the socket and the HTTP decoder.
///
/// It closes a connection whose request head is not complete within the header read timeout of its first byte (a
/// client sending its head a byte at a time holds a connection for ever otherwise), and it answers a head the
/// decoder refuses with the catalogue's error body, where the server would otherwise answer a bare 400: a request
/// line longer than the URI limit with 414, other oversized heads with 431, anything unparsable with 400 17. It
/// sees raw bytes, so it measures the request line itself; `HeadParseErrorCatcher`, after the decoder, tells it
/// where requests start and end and hands it the decoder's errors.
final class RequestHeadGuard: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer
    typealias OutboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private let limits: HTTPServerLimits
    private var context: ChannelHandlerContext?
    /// Whether the next bytes belong to a request head (at the start and after each request's end).
    private var awaitingHead = true
    /// Bytes of the current head's request line seen so far, and whether its line break has arrived.
    private var requestLineLength = 0
    private var requestLineComplete = false
    private var deadline: Scheduled<Void>?
    /// Whether an error response was written; the connection is closing and further input is dropped.
    private var answered = false

    init(limits: HTTPServerLimits) { self.limits = limits }

    func handlerAdded(context: ChannelHandlerContext) { self.context = context }

    func handlerRemoved(context: ChannelHandlerContext) {
        deadline?.cancel()
        self.context = nil
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard !answered else { return }
        if awaitingHead {
            if deadline == nil { armDeadline(context) }
            measureRequestLine(unwrapInboundIn(data))
        }
        context.fireChannelRead(data)
    }

    /// A request's head was decoded: the head arrived in time.
    func headArrived() {
        awaitingHead = false
        deadline?.cancel()
        deadline = nil
    }

    /// A request ended: the next bytes start another head, with a fresh timeout.
    func requestEnded() {
        awaitingHead = true
        requestLineLength = 0
        requestLineComplete = false
    }

    /// Answers a decoder error met while reading a head with an error response and closes the connection; returns
    /// whether the error is handled here (errors in a body are left to the server, which is then mid-request).
    func answer(_ error: any Error) -> Bool {
        if answered { return true }
        guard awaitingHead, error is HTTPParserError else { return false }
        if case .headerOverflow? = error as? HTTPParserError {
            if requestLineLength > limits.maximumURILength {
                respond(.uriTooLong, "the request URI is longer than \(limits.maximumURILength) bytes")
            } else {
                respond(.headerFieldsTooLarge, "the request header fields are larger than \(limits.maximumHeaderSize) bytes")
            }
        } else {
            respond(.malformedRequest, "the request is not valid HTTP/1.1")
        }
        return true
    }

    private func measureRequestLine(_ buffer: ByteBuffer) {
        guard !requestLineComplete else { return }
        let bytes = buffer.readableBytesView
        if let lineBreak = bytes.firstIndex(of: UInt8(ascii: "\n")) {
            requestLineLength += bytes.distance(from: bytes.startIndex, to: lineBreak)
            requestLineComplete = true
        } else {
            requestLineLength += bytes.count
        }
    }

    private func armDeadline(_ context: ChannelHandlerContext) {
        let timeout = TimeAmount.nanoseconds(Self.nanoseconds(limits.headerReadTimeout))
        deadline = context.eventLoop.assumeIsolated().scheduleTask(in: timeout) { [weak self] in
            guard let self, self.awaitingHead, let context = self.context else { return }
            self.answered = true
            context.close(promise: nil)
        }
    }

    /// Writes the error response straight to the socket (the HTTP encoder is behind this handler), then closes.
    private func respond(_ code: FleetError.Code, _ reason: String) {
        answered = true
        deadline?.cancel()
        guard let context else { return }
        let status = ErrorCatalogue.entry(for: code).status
        let body = WireJSON.errorBody(ErrorObject(code: code, reason: reason))
        var buffer = context.channel.allocator.buffer(capacity: body.count + 160)
        buffer.writeString("HTTP/1.1 \(status.code) \(status.reasonPhrase)\r\ncontent-type: application/json\r\n"
                           + "content-length: \(body.count)\r\nconnection: close\r\n\r\n")
        buffer.writeBytes(body)
        context.writeAndFlush(wrapOutboundOut(buffer)).assumeIsolated().whenComplete { _ in context.close(promise: nil) }
    }

    /// A duration in whole nanoseconds, saturating at Int64's range.
    static func nanoseconds(_ duration: Duration) -> Int64 {
        let (seconds, attoseconds) = duration.components
        let (scaled, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        guard !overflow else { return seconds < 0 ? .min : .max }
        let (total, carry) = scaled.addingReportingOverflow(attoseconds / 1_000_000_000)
        return carry ? .max : total
    }
}
