import Foundation
import HTTPTypes
import HummingbirdTesting
import KafkaFleetCore
import KafkaFleetHTTP
import Testing

@Suite("Organisation rate limit")
struct RateLimitTests {
    @Test("creates and deletes beyond an organisation's allowance are 429 with Retry-After; reads and other organisations are not counted")
    func limit() async throws {
        let clock = ManualWallClock()
        let api = try await APIHarness(rateLimiter: OrganisationRateLimiter(perMinute: 2, clock: clock))
        let alice = try await api.auth()
        let bob = try await api.auth(org: "org-2", user: "bob")
        try await api.run { client in
            let first = try await client.execute(uri: "/api/kafkas_mgmt/v1/kafkas?async=true", method: .post, headers: alice, body: json(#"{"name":"one"}"#))
            let id = try #require(try first.object()["id"] as? String)
            for _ in 0..<3 {
                #expect(try await client.execute(uri: "/api/kafkas_mgmt/v1/kafkas", method: .get, headers: alice).status == .ok)
            }
            let delete = try await client.execute(uri: "/api/kafkas_mgmt/v1/kafkas/\(id)?async=true", method: .delete, headers: alice)
            #expect(delete.status == .accepted)
            let refused = try await client.execute(uri: "/api/kafkas_mgmt/v1/kafkas?async=true", method: .post, headers: alice, body: json(#"{"name":"two"}"#))
            try refused.expectError(.tooManyRequests, code: 429)
            #expect(refused.headers[.retryAfter] == "30")
            let other = try await client.execute(uri: "/api/kafkas_mgmt/v1/kafkas?async=true", method: .post, headers: bob, body: json(#"{"name":"two"}"#))
            #expect(other.status == .accepted)

            clock.advance(by: .seconds(30))
            let later = try await client.execute(uri: "/api/kafkas_mgmt/v1/kafkas?async=true", method: .post, headers: alice, body: json(#"{"name":"two"}"#))
            #expect(later.status == .accepted)
        }
    }

    @Test("a token bucket gives a burst of its capacity, then one token per period / capacity")
    func bucket() {
        let start = Date(timeIntervalSince1970: 0)
        var bucket = TokenBucket(capacity: 3, per: .seconds(60), now: start)
        #expect((0..<3).allSatisfy { _ in bucket.take(at: start) == nil })
        #expect(bucket.take(at: start) == .seconds(20))
        #expect(bucket.take(at: start.addingTimeInterval(10)) == .seconds(10))
        #expect(bucket.take(at: start.addingTimeInterval(20)) == nil)
        #expect(!bucket.isFull(at: start.addingTimeInterval(20)))
        #expect(bucket.isFull(at: start.addingTimeInterval(1_000)))
        #expect(bucket.take(at: start.addingTimeInterval(-5)) != nil, "a clock stepping back grants nothing")
    }
}
