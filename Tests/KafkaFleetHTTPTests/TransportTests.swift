import CompressNIO
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
@testable import KafkaFleetHTTP
import NIOCore
import Testing

/// What every response shares below the endpoints, as the reference's server does it: CORS, gzip and Go's JSON escaping.
@Suite("HTTP transport: CORS, gzip and JSON escaping")
struct TransportTests {
    @Test("a CORS preflight is answered without a token, with the reference's methods, headers and max-age")
    func preflight() async throws {
        let api = try await APIHarness()
        try await api.run { client in
            let response = try await client.execute(
                uri: "/api/kafkas_mgmt/v1/kafkas", method: .options,
                headers: [.origin: "https://console.example.com", .accessControlRequestMethod: "PATCH"])
            #expect(response.status == .noContent)
            #expect(response.headers[.accessControlAllowOrigin] == "*")
            let methods = Set((response.headers[.accessControlAllowMethods] ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
            #expect(methods == ["DELETE", "GET", "PATCH", "POST"])
            let allowed = (response.headers[.accessControlAllowHeaders] ?? "").lowercased()
            #expect(allowed.contains("authorization") && allowed.contains("content-type"))
            #expect(response.headers[.accessControlMaxAge] == "600")
        }
    }

    @Test("a cross-origin request gets Access-Control-Allow-Origin, on success and on 401 alike")
    func crossOrigin() async throws {
        let api = try await APIHarness()
        var crossOrigin = try await api.auth()
        crossOrigin[.origin] = "https://console.example.com"
        let headers = crossOrigin
        try await api.run { client in
            let listed = try await client.execute(uri: "/api/kafkas_mgmt/v1/kafkas", method: .get, headers: headers)
            #expect(listed.status == .ok)
            #expect(listed.headers[.accessControlAllowOrigin] == "*")
            let refused = try await client.execute(uri: "/api/kafkas_mgmt/v1/kafkas", method: .get,
                                                   headers: [.origin: "https://console.example.com"])
            #expect(refused.status == .unauthorized)
            #expect(refused.headers[.accessControlAllowOrigin] == "*")
        }
    }

    @Test("a response is gzipped when the client accepts gzip, and plain when it does not or refuses it with q=0")
    func gzip() async throws {
        let api = try await APIHarness()
        let headers = try await api.auth()
        try await api.run { client in
            var gzipHeaders = headers
            gzipHeaders[.acceptEncoding] = "deflate, gzip;q=0.8"
            let compressed = try await client.execute(uri: "/api/kafkas_mgmt/v1/kafkas", method: .get, headers: gzipHeaders)
            #expect(compressed.status == .ok)
            #expect(compressed.headers[.contentEncoding] == "gzip")
            #expect(compressed.headers[values: .vary].contains("Accept-Encoding"))
            var body = compressed.body
            let plain = try body.decompress(with: .gzip())
            let object = try #require(try JSONSerialization.jsonObject(with: Data(plain.readableBytesView)) as? [String: Any])
            #expect(object["kind"] as? String == "KafkaRequestList")

            let identity = try await client.execute(uri: "/api/kafkas_mgmt/v1/kafkas", method: .get, headers: headers)
            #expect(identity.headers[.contentEncoding] == nil)
            #expect(try identity.object()["kind"] as? String == "KafkaRequestList")

            var refusing = headers
            refusing[.acceptEncoding] = "gzip;q=0, identity"
            let refused = try await client.execute(uri: "/api/kafkas_mgmt/v1/kafkas", method: .get, headers: refusing)
            #expect(refused.headers[.contentEncoding] == nil)
        }
    }

    @Test("an unmatched path's 404 is not compressed, as the reference compresses matched routes only")
    func unmatchedNotCompressed() async throws {
        let api = try await APIHarness()
        var accepting = try await api.auth()
        accepting[.acceptEncoding] = "gzip"
        let headers = accepting
        try await api.run { client in
            let missing = try await client.execute(uri: "/api/kafkas_mgmt/v1/nothing", method: .get, headers: headers)
            #expect(missing.headers[.contentEncoding] == nil)
            try missing.expectError(.notFound, code: 7)
        }
    }

    @Test("JSON escapes <, > and & and the line separators as Go's encoder does, leaving other text alone")
    func goEscaping() async throws {
        struct Sample: Encodable { let text: String }
        let router = Router()
        router.get("sample") { _, _ in try WireJSON.response(Sample(text: "a<b>&c\u{2028}d\u{2029}é/€")) }
        try await Application(router: router).test(.router) { client in
            let response = try await client.execute(uri: "/sample", method: .get)
            #expect(String(buffer: response.body) == #"{"text":"a\u003cb\u003e\u0026c\u2028d\u2029é/€"}"# + "\n")
        }
        #expect(GoJSONEscaping.escape(Data(#"{"plain":"text"}"#.utf8)) == Data(#"{"plain":"text"}"#.utf8))
    }
}
