import Foundation
import HTTPTypes
import HummingbirdTesting
import KafkaFleetCore
@testable import KafkaFleetHTTP
import Testing

/// Whatever a client sends, the answer is a 2xx or a 4xx with the catalogue's error body: never a 5xx, never a crash.
@Suite("Hostile input")
struct HostileInputTests {
    /// Integers a client may send where a number is expected: bounds, overflows, signs and things that are no number.
    static let hostileIntegers = ["-7", "0", "1", "-1", "9223372036854775807", "-9223372036854775808", "4611686018427387904",
                                  "92233720368547758070", "1e3", "0x10", "1.5", "abc", ""]

    /// Every list endpoint and every integer parameter it reads (or that a client may think it reads).
    static let listEndpoints: [(path: String, parameters: [String], who: String)] = [
        ("/api/kafkas_mgmt/v1/kafkas", ["page", "size"], "user"),
        ("/api/kafkas_mgmt/v1/admin/kafkas", ["page", "size"], "admin"),
        ("/api/kafkas_mgmt/v1/admin/clusters", ["page", "size"], "admin"),
        ("/api/kafkas_mgmt/v1/errors", ["page", "size"], "none"),
        ("/api/kafkas_mgmt/v1/service_accounts", ["page", "size"], "user"),
        ("/api/kafkas_mgmt/v1/cloud_providers", ["page", "size"], "user"),
        ("/api/kafkas_mgmt/v1/cloud_providers/aws/regions", ["page", "size"], "user"),
        ("/api/kafkas_mgmt/v1/clusters", ["page", "size"], "user"),
        ("/api/kafkas_mgmt/v1/instance_types/aws/us-east-1", ["page", "size"], "user"),
    ]

    @Test("every integer parameter of every list endpoint, at every bound, is answered without a 5xx", arguments: listEndpoints)
    func listIntegers(path: String, parameters: [String], who: String) async throws {
        let api = try await APIHarness()
        let headers: HTTPFields = switch who {
        case "admin": try await api.adminAuth(roles: ["kas-fleet-manager-admin-full"])
        case "user": try await api.auth()
        default: [:]
        }
        try await api.run { client in
            for parameter in parameters {
                for value in Self.hostileIntegers {
                    let response = try await client.execute(uri: "\(path)?\(parameter)=\(value)", method: .get, headers: headers)
                    #expect(response.status.code < 500, "\(path)?\(parameter)=\(value) answered \(response.status)")
                    if response.status.code >= 400 { try response.expectError(response.status, code: Self.code(response)) }
                }
            }
        }
    }

    @Test("metrics range parameters at every bound are 200 or 400 21, never a 5xx")
    func metricsIntegers() async throws {
        let api = try await APIHarness()
        let headers = try await api.auth()
        try await api.run { client in
            let created = try await client.execute(uri: "/api/kafkas_mgmt/v1/kafkas?async=true", method: .post, headers: headers,
                                                   body: json(#"{"name":"measured"}"#)).object()
            let id = try #require(created["id"] as? String)
            for duration in Self.hostileIntegers {
                for interval in ["-1", "0", "1", "30", "9223372036854775807", "x"] {
                    let response = try await client.execute(
                        uri: "/api/kafkas_mgmt/v1/kafkas/\(id)/metrics/query_range?duration=\(duration)&interval=\(interval)",
                        method: .get, headers: headers)
                    #expect(response.status == .ok || response.status == .badRequest, "duration=\(duration) interval=\(interval): \(response.status)")
                    if response.status == .badRequest { try response.expectError(.badRequest, code: 21) }
                }
            }
        }
    }

    @Test("a page far past the end is an empty page, not an overflow", arguments: [
        "/api/kafkas_mgmt/v1/kafkas", "/api/kafkas_mgmt/v1/admin/kafkas",
    ])
    func hugePage(path: String) async throws {
        let api = try await APIHarness()
        let headers = path.contains("admin") ? try await api.adminAuth(roles: ["kas-fleet-manager-admin-full"]) : try await api.auth()
        try await api.run { client in
            let list = try await client.execute(uri: "\(path)?page=4611686018427387904&size=100", method: .get, headers: headers).object()
            #expect((list["items"] as? [Any])?.isEmpty == true)
            #expect(list["page"] as? Int == 4_611_686_018_427_387_904)
        }
    }

    @Test("the list offset saturates instead of overflowing", arguments: [
        (1, 100, 0), (2, 100, 100), (Int.max, 65_500, Int.max), (Int.min, 10, 0), (5, -3, 0), (Int.max / 2, 4, Int.max),
    ])
    func offset(page: Int, size: Int, expected: Int) {
        #expect(KafkaListQuery(page: page, size: size).offset == expected)
    }

    @Test("the error catalogue's paging takes any integers", arguments: [
        (1, 10, 51, 0..<10), (6, 10, 51, nil), (-7, 10, 51, nil), (1, -7, 51, nil), (Int.max, Int.max, 51, nil), (2, Int.max, 51, nil),
    ] as [(Int, Int, Int, Range<Int>?)])
    func errorWindow(page: Int, size: Int, count: Int, expected: Range<Int>?) {
        #expect(MetadataHandlers.window(page: page, size: size, count: count) == expected)
    }

    @Test("a billing model the instance type does not offer is 400 21, not 500")
    func unknownBillingModel() async throws {
        let api = try await APIHarness()
        let headers = try await api.auth()
        try await api.run { client in
            try await client.execute(uri: "/api/kafkas_mgmt/v1/kafkas?async=true", method: .post, headers: headers,
                                     body: json(#"{"name":"lunch","billing_model":"free-lunch"}"#))
                .expectError(.badRequest, code: 21, reason: "billing model 'free-lunch' is not supported by instance type 'standard'")
        }
    }

    @Test("wrong JSON types are 400 17 on every body", arguments: [
        ("/api/kafkas_mgmt/v1/kafkas?async=true", HTTPRequest.Method.post, #"{"name":7}"#),
        ("/api/kafkas_mgmt/v1/kafkas?async=true", .post, #"{"name":"x","reauthentication_enabled":"yes"}"#),
        ("/api/kafkas_mgmt/v1/kafkas?async=true", .post, #"[1,2]"#),
        ("/api/kafkas_mgmt/v1/service_accounts", .post, #"{"name":{"a":1}}"#),
        ("/api/kafkas_mgmt/v1/kafkas?async=true", .post, #"{"name":"#),
    ])
    func wrongTypes(path: String, method: HTTPRequest.Method, body: String) async throws {
        let api = try await APIHarness()
        let headers = try await api.auth()
        try await api.run { client in
            try await client.execute(uri: path, method: method, headers: headers, body: json(body)).expectError(.badRequest, code: 17)
        }
    }

    @Test("a body with a content type that is not JSON is 415; JSON with parameters and no content type are read")
    func contentTypes() async throws {
        let api = try await APIHarness()
        let auth = try await api.auth()
        try await api.run { client in
            var headers = auth
            for (index, type) in ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"].enumerated() {
                headers[.contentType] = type
                try await client.execute(uri: "/api/kafkas_mgmt/v1/kafkas?async=true", method: .post, headers: headers,
                                         body: json(#"{"name":"plain-\#(index)"}"#))
                    .expectError(.unsupportedMediaType, code: 415)
            }
            for (index, type) in ["application/json; charset=utf-8", "Application/JSON", "application/vnd.kafka+json"].enumerated() {
                headers[.contentType] = type
                let response = try await client.execute(uri: "/api/kafkas_mgmt/v1/kafkas?async=true", method: .post, headers: headers,
                                                        body: json(#"{"name":"typed-\#(index)"}"#))
                #expect(response.status == .accepted, "\(type)")
            }
            headers[.contentType] = nil
            let untyped = try await client.execute(uri: "/api/kafkas_mgmt/v1/kafkas?async=true", method: .post, headers: headers,
                                                   body: json(#"{"name":"untyped"}"#))
            #expect(untyped.status == .accepted)
        }
    }

    @Test("a body over the limit is 413, a URI over the limit 414, header fields over the limit 431, each before authentication")
    func sizeLimits() async throws {
        let api = try await APIHarness(limits: HTTPServerLimits(maximumBodySize: 2_048, maximumURILength: 512, maximumHeaderSize: 1_024))
        let headers = try await api.auth()
        try await api.run { client in
            let big = #"{"name":"big","marketplace":"\#(String(repeating: "m", count: 4_096))"}"#
            try await client.execute(uri: "/api/kafkas_mgmt/v1/kafkas?async=true", method: .post, headers: headers, body: json(big))
                .expectError(.contentTooLarge, code: 413, reason: "the request body is larger than 2048 bytes")
            try await client.execute(uri: "/api/kafkas_mgmt/v1/kafkas?async=true", method: .post, body: json(big))
                .expectError(.contentTooLarge, code: 413)
            try await client.execute(uri: "/api/kafkas_mgmt/v1/kafkas?search=" + String(repeating: "a", count: 600), method: .get)
                .expectError(.uriTooLong, code: 414, reason: "the request URI is longer than 512 bytes")
            var padded = headers
            padded[HTTPField.Name("X-Padding")!] = String(repeating: "p", count: 2_000)
            try await client.execute(uri: "/api/kafkas_mgmt/v1/kafkas", method: .get, headers: padded)
                .expectError(.requestHeaderFieldsTooLarge, code: 431)
            let fine = try await client.execute(uri: "/api/kafkas_mgmt/v1/kafkas?async=true", method: .post, headers: headers,
                                                body: json(#"{"name":"small"}"#))
            #expect(fine.status == .accepted)
        }
    }

    private static func code(_ response: TestResponse) -> Int {
        ((try? response.object())?["id"] as? String).flatMap { Int($0) } ?? -1
    }
}
