public import Foundation
public import HTTPTypes
public import Hummingbird
import KafkaFleetCore

/// JSON on the wire as the reference writes and reads it: responses with `Content-Type: application/json`,
/// `Vary: Authorization` and a trailing newline; request bodies decoded whatever their content type, with
/// `null` read as `{}` and every failure a 400 `KAFKAS-MGMT-17`.
public enum WireJSON {
    /// A JSON response of `value`, escaped as Go's encoder escapes (see `GoJSONEscaping`).
    public static func response(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        var data = GoJSONEscaping.escape(try encoder.encode(value))
        data.append(UInt8(ascii: "\n"))
        return Response(status: status, headers: jsonHeaders, body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// An empty response that still says it is JSON (the reference's 202 to DELETE).
    public static func emptyResponse(status: HTTPResponse.Status) -> Response {
        Response(status: status, headers: jsonHeaders, body: ResponseBody())
    }

    /// The headers of every JSON response.
    public static let jsonHeaders: HTTPFields = [.contentType: "application/json", .vary: "Authorization"]

    /// The request body decoded as `T`; `null` decodes as `{}`.
    public static func decode<T: Decodable>(_ type: T.Type, from request: Request, context: some RequestContext) async throws -> T {
        var request = request
        let buffer = try await request.collectBody(upTo: context.maxUploadSize)
        let bytes = Data(buffer.readableBytesView)
        let text = String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        if text.isEmpty { throw FleetError(.malformedRequest, "invalid request format: EOF") }
        let data = text == "null" ? Data("{}".utf8) : bytes
        do {
            return try JSONDecoder().decode(T.self, from: data)
        } catch let error as DecodingError {
            throw FleetError(.malformedRequest, "invalid request format: \(describe(error))")
        } catch {
            throw FleetError(.malformedRequest, "invalid request format: unexpected end of JSON input")
        }
    }

    /// A short description of a decoding failure that names the field and never echoes internals.
    private static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            context.codingPath.map(\.stringValue).joined(separator: ".")
        }
        switch error {
        case let .typeMismatch(type, context):
            return "cannot unmarshal into field \(path(context)) of type \(type)"
        case let .valueNotFound(type, context):
            return "missing value for field \(path(context)) of type \(type)"
        case let .keyNotFound(key, _):
            return "missing field \(key.stringValue)"
        case .dataCorrupted:
            return "invalid character in JSON input"
        @unknown default:
            return "invalid JSON input"
        }
    }

    /// A time as the reference writes it: RFC 3339 in UTC, fractional seconds (to the microsecond) without
    /// trailing zeros, e.g. `2023-04-01T10:00:00.1234Z`.
    public static func timestamp(_ date: Date) -> String {
        var whole = date.timeIntervalSince1970.rounded(.down)
        var micros = Int(((date.timeIntervalSince1970 - whole) * 1_000_000).rounded())
        if micros >= 1_000_000 {
            whole += 1
            micros -= 1_000_000
        }
        let base = Date(timeIntervalSince1970: whole).formatted(Date.ISO8601FormatStyle(timeZone: .gmt))
        guard micros > 0 else { return base }
        var fraction = String(micros)
        fraction = String(repeating: "0", count: 6 - fraction.count) + fraction
        while fraction.hasSuffix("0") { fraction.removeLast() }
        return base.replacingOccurrences(of: "Z", with: ".\(fraction)Z")
    }
}
