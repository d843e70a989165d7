public import HummingbirdCore
public import Logging
public import NIOCore
import NIOHTTP1
public import NIOHTTPTypes
import NIOHTTPTypesHTTP1

/// The API server's HTTP/1.1 connections: Hummingbird's HTTP/1.1 pipeline with `HTTPServerLimits` applied.
///
/// Compared with `HTTP1Channel` it admits at most `maximumConnections` at once, puts `RequestHeadGuard` in front of
/// the decoder (header read timeout, error bodies for refused heads) and closes idle connections. Requests are then
/// handled by Hummingbird exactly as by `HTTP1Channel`.
public struct FleetHTTP1Channel: HTTPChannelHandler {
    public typealias Value = NIOAsyncChannel<HTTPRequestPart, HTTPResponsePart>

    public let responder: Responder
    private let limits: HTTPServerLimits
    private let connections: ConnectionCounter

    /// A channel serving `responder` within `limits`.
    public init(responder: @escaping Responder, limits: HTTPServerLimits) {
        self.responder = responder
        self.limits = limits
        self.connections = ConnectionCounter(maximum: limits.maximumConnections)
    }

    public func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
        guard connections.admit() else {
            logger.warning("connection refused: too many open connections", metadata: ["maximum": "\(limits.maximumConnections)"])
            channel.close(promise: nil)
            return channel.eventLoop.makeFailedFuture(ChannelError.ioOnClosedChannel)
        }
        let connections = connections
        channel.closeFuture.whenComplete { _ in connections.release() }
        let limits = limits
        return channel.eventLoop.makeCompletedFuture {
            let headGuard = RequestHeadGuard(limits: limits)
            let pipeline = channel.pipeline.syncOperations
            try pipeline.addHandler(headGuard)
            var decoderLimits = NIOHTTPDecoderLimitConfiguration()
            decoderLimits.maxHeaderFieldSize = HTTPServerLimits.decoderHeadLimit
            decoderLimits.maxHeaderListSize = HTTPServerLimits.decoderHeadLimit
            try pipeline.configureHTTPServerPipeline(
                withPipeliningAssistance: false, withErrorHandling: false, withOutboundHeaderValidation: false,
                withEncoderConfiguration: .init(), withDecoderLimitConfiguration: decoderLimits)
            try pipeline.addHandler(HTTP1ToHTTPServerCodec(secure: false))
            try pipeline.addHandler(HeadParseErrorCatcher(headGuard: headGuard))
            try pipeline.addHandler(HTTPConnectionStateHandler(idleTimeout: limits.idleTimeout, logger: logger))
            return try NIOAsyncChannel(wrappingChannelSynchronously: channel, configuration: .init(isOutboundHalfClosureEnabled: true))
        }
    }

    public func handle(value: Value, logger: Logger) async {
        await handleHTTP(asyncChannel: value, logger: logger)
    }
}

extension HTTPServerBuilder {
    /// HTTP/1.1 with KafkaFleet's connection and request limits (`FleetHTTP1Channel`).
    public static func fleetHTTP1(limits: HTTPServerLimits) -> HTTPServerBuilder {
        HTTPServerBuilder { responder in FleetHTTP1Channel(responder: responder, limits: limits) }
    }
}
