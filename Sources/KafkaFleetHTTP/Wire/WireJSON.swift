public import Foundation
public import HTTPTypes
public import Hummingbird
import KafkaFleetCore
import NIOCore

/// JSON on the wire as the reference writes and reads it: responses with `Content-Type: application/json`,
/// `Vary: Authorization` and a trailing newline; request bodies with `null` read as `{}` and every decoding failure
/// a 400 `KAFKAS-MGMT-17`. Stricter than the reference: a body must be JSON by its content type when it names one
/// (415 `KAFKAS-MGMT-415`; a body without `Content-Type` is still read as JSON, as curl and the reference's clients
/// send it) and no larger than the server's limit (413 `KAFKAS-MGMT-413`).
public enum WireJSON {
    /// A JSON response of `value`, escaped as Go's encoder escapes (see `GoJSONEscaping`).
    public static func response(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
        Response(status: status, headers: jsonHeaders, body: ResponseBody(byteBuffer: ByteBuffer(bytes: try encode(value))))
    }

    /// `value` as the bytes of a response body: JSON escaped as Go's encoder escapes, with a trailing newline.
    public static func encode(_ value: some Encodable) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        var data = GoJSONEscaping.escape(try encoder.encode(value))
        data.append(UInt8(ascii: "\n"))
        return data
    }

    /// The body of an error: encoding cannot fail for it, so this is never empty.
    static func errorBody(_ error: ErrorObject) -> Data {
        (try? encode(error)) ?? Data("{}\n".utf8)
    }

    /// An empty response that still says it is JSON (the reference's 202 to DELETE).
    public static func emptyResponse(status: HTTPResponse.Status) -> Response {
        Response(status: status, headers: jsonHeaders, body: ResponseBody())
    }

    /// The headers of every JSON response.
    public static let jsonHeaders: HTTPFields = [.contentType: "application/json", .vary: "Authorization"]

    /// The request body decoded as `T`; `null` decodes as `{}`.
    public static func decode<T: Decodable>(_ type: T.Type, from request: Request, context: some RequestContext) async throws -> T {
        if let contentType = request.headers[.contentType], !isJSON(contentType) {
            throw FleetError(.unsupportedMediaType, "invalid request format: Content-Type '\(contentType)' is not application/json")
        }
        var request = request
        let buffer: ByteBuffer
        do {
            buffer = try await request.collectBody(upTo: context.maxUploadSize)
        } catch is NIOTooManyBytesError {
            throw FleetError(.contentTooLarge, "the request body is larger than \(context.maxUploadSize) bytes")
        }
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

    /// Whether a `Content-Type` names JSON: `application/json` or a `+json` type, with any parameters.
    static func isJSON(_ contentType: String) -> Bool {
        let mediaType = contentType.prefix { $0 != ";" }.trimmingCharacters(in: .whitespaces).lowercased()
        return mediaType == "application/json" || (mediaType.hasPrefix("application/") && mediaType.hasSuffix("+json"))
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
    /// trailing zeros, e.g. `2023-04-01T10:00:00.1234Z`. Computed with integer arithmetic on the proleptic
    /// Gregorian calendar, since every kafka in every response carries three of these.
    public static func timestamp(_ date: Date) -> String {
        // Bounded to ±10^15 s (dates far past any real one), NaN read as the epoch, so the integer conversions below
        // cannot trap.
        let raw = (date.timeIntervalSince1970 * 1_000_000).rounded()
        let totalMicros = raw.isNaN ? 0 : min(max(raw, -1e21), 1e21)
        var seconds = Int((totalMicros / 1_000_000).rounded(.down))
        let micros = Int(totalMicros - Double(seconds) * 1_000_000)
        var days = seconds / 86_400
        seconds -= days * 86_400
        if seconds < 0 {
            seconds += 86_400
            days -= 1
        }
        let (year, month, day) = civilDate(daysSince1970: days)
        var text = ""
        text.reserveCapacity(30)
        append(year, width: 4, to: &text)
        text.append("-")
        append(month, width: 2, to: &text)
        text.append("-")
        append(day, width: 2, to: &text)
        text.append("T")
        append(seconds / 3600, width: 2, to: &text)
        text.append(":")
        append(seconds / 60 % 60, width: 2, to: &text)
        text.append(":")
        append(seconds % 60, width: 2, to: &text)
        if micros > 0 {
            var fraction = micros, digits = 6
            while fraction % 10 == 0 {
                fraction /= 10
                digits -= 1
            }
            text.append(".")
            append(fraction, width: digits, to: &text)
        }
        text.append("Z")
        return text
    }

    /// Year, month and day of a day count since 1970-01-01 (Howard Hinnant's `civil_from_days`).
    private static func civilDate(daysSince1970 days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// `value` in decimal, left-padded with zeros to `width` digits.
    private static func append(_ value: Int, width: Int, to text: inout String) {
        let digits = String(value)
        if digits.count < width { text.append(String(repeating: "0", count: width - digits.count)) }
        text.append(digits)
    }
}
