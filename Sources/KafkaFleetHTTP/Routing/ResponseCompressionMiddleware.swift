import CompressNIO
import Foundation
import HTTPTypes
public import Hummingbird
import NIOConcurrencyHelpers
import NIOCore

/// Gzips the body of a matched route's response when the client accepts gzip, as the reference does on its
/// routes. Bodies here are small JSON or text documents, so the body is compressed whole and sent with its length.
/// Empty bodies, `HEAD`, and responses that already carry a `Content-Encoding` are left alone.
public struct ResponseCompressionMiddleware<Context: RequestContext>: RouterMiddleware {
    /// A middleware that compresses with zlib's default level.
    public init() {}

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let response = try await next(request, context)
        guard request.method != .head, Self.acceptsGzip(request.headers[values: .acceptEncoding]),
              response.headers[.contentEncoding] == nil, response.body.contentLength != 0
        else { return response }
        let collector = BodyCollector()
        try await response.body.write(collector)
        var plain = collector.buffer.withLockedValue { $0 }
        guard plain.readableBytes > 0 else { return response }
        let compressed = try plain.compress(with: .gzip(), allocator: ByteBufferAllocator())
        var headers = response.headers
        headers[.contentEncoding] = "gzip"
        headers[.contentLength] = nil
        headers[values: .vary].append("Accept-Encoding")
        return Response(status: response.status, headers: headers, body: ResponseBody(byteBuffer: compressed))
    }

    /// Whether an `Accept-Encoding` header list names `gzip` (or `*`) without `q=0`.
    static func acceptsGzip(_ values: [String]) -> Bool {
        for value in values {
            for item in value.split(separator: ",") {
                let parts = item.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
                guard let coding = parts.first, coding == "gzip" || coding == "*" else { continue }
                let weight = parts.dropFirst().first { $0.hasPrefix("q=") }.flatMap { Double($0.dropFirst(2)) } ?? 1
                if weight > 0 { return true }
            }
        }
        return false
    }
}

/// A `ResponseBodyWriter` that keeps what is written, so a finished body can be compressed in one piece.
private struct BodyCollector: ResponseBodyWriter {
    let buffer = NIOLockedValueBox(ByteBuffer())

    mutating func write(_ part: ByteBuffer) async throws {
        var part = part
        _ = buffer.withLockedValue { $0.writeBuffer(&part) }
    }

    consuming func finish(_ trailingHeaders: HTTPFields?) async throws {}
}
