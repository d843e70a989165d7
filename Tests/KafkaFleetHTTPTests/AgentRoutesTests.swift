import Foundation
import HTTPTypes
import HummingbirdTesting
import KafkaFleetCore
import KafkaFleetHTTP
import Testing

@Suite("Agent routes")
struct AgentRoutesTests {
    @Test("an agent reads its configuration and its desired kafkas, and reports its cluster with 204 and kafkas with 200")
    func protocolRoundTrip() async throws {
        let api = try await APIHarness()
        let agent = try await api.agentAuth(clusterID: "cluster-0")
        try await api.run { client in
            let config = try await client.execute(uri: "/api/kafkas_mgmt/v1/agent-clusters/cluster-0", method: .get, headers: agent)
            #expect(config.status == .ok)
            let spec = try #require(try config.object()["spec"] as? [String: Any])
            #expect((spec["net"] as? [String: Any])?["private"] as? Bool == false)
            #expect((spec["observability"] as? [String: Any])?["channel"] as? String == "resources")

            let list = try await client.execute(uri: "/api/kafkas_mgmt/v1/agent-clusters/cluster-0/kafkas", method: .get, headers: agent)
            #expect(list.status == .ok)
            #expect(try list.object()["kind"] as? String == "ManagedKafkaList")
            #expect((try list.object()["items"] as? [Any])?.isEmpty == true)

            let status = """
            {"conditions":[{"type":"Ready","status":"True"}],"capacity":{"standard":{"maxUnits":5,"remainingUnits":5}},
             "strimzi":[{"version":"strimzi-cluster-operator.v0.32.0-3","ready":true,"kafkaVersions":["3.3.1"],"kafkaIbpVersions":["3.3"]}]}
            """
            let cluster = try await client.execute(uri: "/api/kafkas_mgmt/v1/agent-clusters/cluster-0/status", method: .put,
                                                   headers: agent, body: json(status))
            #expect(cluster.status == .noContent)
            #expect(cluster.body.readableBytes == 0)

            let kafkas = try await client.execute(uri: "/api/kafkas_mgmt/v1/agent-clusters/cluster-0/kafkas/status", method: .put,
                                                  headers: agent, body: json(#"{"unknown-kafka":{"conditions":[]}}"#))
            #expect(kafkas.status == .ok)
        }
        let stored = try #require(await api.store.cluster(clusterID: "cluster-0"))
        #expect(stored.capacity["standard"]?.maxUnits == 5)
        #expect(stored.availableStrimziVersions.map(\.version) == ["strimzi-cluster-operator.v0.32.0-3"])
    }

    @Test("another cluster's agent, a user's token and an unknown cluster are all 404 7; no token is 401 15")
    func identity() async throws {
        let api = try await APIHarness()
        let otherAgent = try await api.agentAuth(clusterID: "cluster-1")
        let user = try await api.auth()
        let unknownAgent = try await api.agentAuth(clusterID: "nowhere")
        try await api.run { client in
            for (headers, path) in [(otherAgent, "cluster-0"), (user, "cluster-0"), (unknownAgent, "nowhere")] {
                let response = try await client.execute(uri: "/api/kafkas_mgmt/v1/agent-clusters/\(path)/kafkas", method: .get, headers: headers)
                try response.expectError(.notFound, code: 7)
            }
            let anonymous = try await client.execute(uri: "/api/kafkas_mgmt/v1/agent-clusters/cluster-0", method: .get)
            try anonymous.expectError(.unauthorized, code: 15)
        }
    }

    @Test("a malformed report is 400 17, an empty Strimzi version 400 37")
    func badReports() async throws {
        let api = try await APIHarness()
        let agent = try await api.agentAuth(clusterID: "cluster-0")
        try await api.run { client in
            let garbage = try await client.execute(uri: "/api/kafkas_mgmt/v1/agent-clusters/cluster-0/status", method: .put,
                                                   headers: agent, body: json("{not json"))
            try garbage.expectError(.badRequest, code: 17)
            let empty = try await client.execute(
                uri: "/api/kafkas_mgmt/v1/agent-clusters/cluster-0/status", method: .put, headers: agent,
                body: json(#"{"strimzi":[{"version":"","ready":true,"kafkaVersions":["3.3.1"],"kafkaIbpVersions":["3.3"]}]}"#))
            try empty.expectError(.badRequest, code: 37, reason: "Field validation failed: .status.strimzi[0].version cannot be empty")
        }
    }
}
