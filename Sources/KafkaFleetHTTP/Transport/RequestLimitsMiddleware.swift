public import Hummingbird

/// The first middleware of every KafkaFleet router: refuses, before any other work (authentication included), a
/// request whose URI, header fields or declared body exceed `HTTPServerLimits`, with the catalogue's 414, 431 or 413,
/// and gives the request's context the body limit that decoding enforces on bodies of undeclared length.
public struct RequestLimitsMiddleware: RouterMiddleware {
    public typealias Context = FleetRequestContext

    private let limits: HTTPServerLimits

    /// A middleware enforcing `limits`.
    public init(limits: HTTPServerLimits) { self.limits = limits }

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if let refusal = refusal(of: request) { return try refusal.response(from: request, context: context) }
        var context = context
        context.maxUploadSize = limits.maximumBodySize
        return try await next(request, context)
    }

    private func refusal(of request: Request) -> APIError? {
        if (request.head.path?.utf8.count ?? 0) > limits.maximumURILength {
            return APIError(.uriTooLong, reason: "the request URI is longer than \(limits.maximumURILength) bytes")
        }
        var headerBytes = 0
        for field in request.headers {
            headerBytes += field.name.rawName.utf8.count + field.value.utf8.count + 4
        }
        if headerBytes > limits.maximumHeaderSize {
            return APIError(.headerFieldsTooLarge, reason: "the request header fields are larger than \(limits.maximumHeaderSize) bytes")
        }
        if let declared = request.headers[.contentLength], let length = Int(declared), length > limits.maximumBodySize {
            return APIError(.contentTooLarge, reason: "the request body is larger than \(limits.maximumBodySize) bytes")
        }
        return nil
    }
}
