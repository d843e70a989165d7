import AsyncHTTPClient
import Foundation
import KafkaFleetCore
import Logging
import NIOCore
import NIOHTTP1

/// A response whose body has been read completely.
struct ProviderResponse: Sendable {
    /// The HTTP status code.
    var status: Int
    /// The response headers.
    var headers: HTTPHeaders
    /// The body bytes.
    var body: [UInt8]

    /// Whether the status is 2xx.
    var isSuccess: Bool { (200..<300).contains(status) }

    /// The body as UTF-8 text, for error details.
    var text: String { String(decoding: body, as: UTF8.self) }

    /// Decodes the body as JSON; an unreadable body is `.unavailable` (a proxy's error page, a partial answer).
    func decode<T: Decodable>(_ type: T.Type, provider: String) throws(ProviderError) -> T {
        do {
            return try JSONDecoder().decode(T.self, from: Data(body))
        } catch {
            throw ProviderError(.unavailable, provider: provider, "unreadable \(T.self) in an HTTP \(status) answer: \(error)")
        }
    }
}

/// Sends requests for one provider over a shared `HTTPClient` and turns transport failures and error
/// statuses into `ProviderError`s, so that every adapter classifies failures the same way.
struct ProviderHTTP: Sendable {
    /// The provider's name in errors, e.g. `route53`.
    let provider: String
    /// The client all requests go through; never shut down here.
    let client: HTTPClient
    /// How long one request may take, connection and body included.
    let timeout: Duration
    /// Where request failures are logged.
    let logger: Logger
    /// The largest response body read; the providers' answers are small.
    private let maxResponseBytes = 4 << 20

    init(provider: String, client: HTTPClient, timeout: Duration, logger: Logger) {
        self.provider = provider
        self.client = client
        self.timeout = timeout
        self.logger = logger
    }

    /// Sends one request and reads its whole body. Throws only for transport failures (`.unavailable`);
    /// the caller decides what each status means, usually through `failure(_:_:)`.
    func send(
        _ method: HTTPMethod, _ url: String, headers: [(String, String)] = [], body: [UInt8]? = nil
    ) async throws(ProviderError) -> ProviderResponse {
        var request = HTTPClientRequest(url: url)
        request.method = method
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        if let body { request.body = .bytes(body) }
        do {
            let response = try await client.execute(request, timeout: TimeAmount(timeout), logger: logger)
            let buffer = try await response.body.collect(upTo: maxResponseBytes)
            return ProviderResponse(
                status: Int(response.status.code), headers: response.headers, body: Array(buffer.readableBytesView))
        } catch {
            logger.debug("request failed", metadata: ["provider": "\(provider)", "method": "\(method)", "url": "\(url)", "error": "\(error)"])
            throw ProviderError(.unavailable, provider: provider, "\(method) \(url) failed: \(error)")
        }
    }

    /// The error for a response the caller does not accept: 429 and 5xx may succeed when retried
    /// (`.unavailable`); any other status will not (`.rejected`).
    func failure(_ response: ProviderResponse, _ what: String) -> ProviderError {
        let retryable = response.status == 429 || response.status >= 500
        return ProviderError(
            retryable ? .unavailable : .rejected, provider: provider,
            "\(what): HTTP \(response.status) \(response.text.prefix(500))")
    }

    /// The body of a JSON request.
    func json<T: Encodable>(_ value: T) throws(ProviderError) -> [UInt8] {
        do {
            return Array(try JSONEncoder().encode(value))
        } catch {
            throw ProviderError(.rejected, provider: provider, "cannot encode \(T.self): \(error)")
        }
    }
}

extension TimeAmount {
    /// The same span as a `Duration`, to nanosecond precision.
    init(_ duration: Duration) {
        let (seconds, attoseconds) = duration.components
        self = .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
    }
}

/// Percent-encodes every byte but RFC 3986's unreserved characters, as URL query components and
/// AWS Signature Version 4 require (a space becomes `%20`, never `+`).
func percentEncode(_ text: String) -> String {
    var output = ""
    for byte in text.utf8 {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."),
            UInt8(ascii: "~"):
            output.unicodeScalars.append(Unicode.Scalar(byte))
        default:
            let hex = String(byte, radix: 16, uppercase: true)
            output += hex.count == 1 ? "%0\(hex)" : "%\(hex)"
        }
    }
    return output
}

/// A query string from name/value pairs, each percent-encoded, in the given order.
func queryString(_ items: [(String, String)]) -> String {
    items.map { "\(percentEncode($0.0))=\(percentEncode($0.1))" }.joined(separator: "&")
}

/// A base URL without a trailing slash, so that paths can be appended.
func trimmedBaseURL(_ url: String) -> String {
    var url = url
    while url.hasSuffix("/") { url.removeLast() }
    return url
}
