import Foundation
import HTTPTypes
import HummingbirdTesting
import KafkaFleetCore
import KafkaFleetHTTP
import KafkaFleetLocal
import Testing

/// Creates an `eval` kafka through the API with `headers` and moves it to `ready` in `store`; its id.
private func readyEvalKafka(_ client: any TestClientProtocol, store: InMemoryFleetStore, headers: HTTPFields) async throws -> String {
    let created = try await client.execute(uri: "/api/kafkas_mgmt/v1/kafkas?async=true", method: .post, headers: headers,
                                           body: json(#"{"name":"trial","billing_model":"eval"}"#))
    let id = try #require(try created.object()["id"] as? String)
    let stored = try #require(await store.kafka(id: id))
    var ready = stored
    ready.status = .ready
    _ = try await store.updateKafka(ready, expecting: stored.status, limits: [])
    return id
}

@Suite("Promote route")
struct PromoteRoutesTests {
    @Test("promoting an eval kafka answers 202 with an empty JSON body; the kafka then shows the promotion in progress")
    func accepted() async throws {
        let api = try await APIHarness()
        let headers = try await api.auth()
        let store = api.store
        try await api.run { client in
            let id = try await readyEvalKafka(client, store: store, headers: headers)
            let promoted = try await client.execute(
                uri: "/api/kafkas_mgmt/v1/kafkas/\(id)/promote?async=true", method: .post, headers: headers,
                body: json(#"{"desired_kafka_billing_model":"standard","desired_marketplace":null,"desired_billing_cloud_account_id":null}"#))
            #expect(promoted.status == .accepted)
            #expect(promoted.body.readableBytes == 0)
            #expect(promoted.headers[.contentType] == "application/json")
            let kafka = try await client.execute(uri: "/api/kafkas_mgmt/v1/kafkas/\(id)", method: .get, headers: headers).object()
            #expect(kafka["promotion_status"] as? String == "promoting")
            #expect(kafka["billing_model"] as? String == "eval")
        }
    }

    @Test("refusals carry the reference's codes, in its order (4xx where it answers 500 9)", arguments: [
        // (body, async, caller, which kafka, status, code)
        ("{", false, "alice", "own", HTTPResponse.Status.badRequest, 17),
        (#"{"desired_kafka_billing_model":"standard"}"#, false, "alice", "own", .badRequest, 103),
        (#"{"desired_kafka_billing_model":""}"#, true, "alice", "own", .badRequest, 33),
        (#"{"desired_kafka_billing_model":"standard"}"#, true, "stranger", "own", .notFound, 7),
        (#"{"desired_kafka_billing_model":"standard"}"#, true, "bob", "own", .forbidden, 11),
        (#"{"desired_kafka_billing_model":"standard"}"#, true, "alice", "standard", .badRequest, 21),
        (#"{"desired_kafka_billing_model":"eval"}"#, true, "alice", "own", .badRequest, 21),
        (#"{"desired_kafka_billing_model":"enterprise"}"#, true, "alice", "own", .badRequest, 37),
    ])
    func refusals(body: String, async: Bool, caller: String, which: String, status: HTTPResponse.Status, code: Int) async throws {
        let api = try await APIHarness()
        let headers = caller == "stranger" ? try await api.auth(org: "org-2", user: "mallory") : try await api.auth(user: caller)
        let owner = try await api.auth()
        let store = api.store
        try await api.run { client in
            let id: String
            if which == "standard" {
                let created = try await client.execute(uri: "/api/kafkas_mgmt/v1/kafkas?async=true", method: .post,
                                                       headers: owner, body: json(#"{"name":"paid"}"#))
                id = try #require(try created.object()["id"] as? String)
            } else {
                id = try await readyEvalKafka(client, store: store, headers: owner)
            }
            let query = async ? "?async=true" : ""
            let response = try await client.execute(uri: "/api/kafkas_mgmt/v1/kafkas/\(id)/promote\(query)", method: .post,
                                                    headers: headers, body: json(body))
            try response.expectError(status, code: code)
        }
    }
}
