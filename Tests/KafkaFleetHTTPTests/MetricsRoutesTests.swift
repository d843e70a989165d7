import Foundation
import HTTPTypes
import HummingbirdTesting
import KafkaFleetCore
import KafkaFleetHTTP
import Synchronization
import Testing

/// A metrics source with canned series that records the metrics it was asked for, or fails when told to.
private final class StubMetricsSource: KafkaMetricsSource, Sendable {
    private let state = Mutex<(requested: [[String]], namespaces: [String], fails: Bool)>(([], [], false))

    var requested: [[String]] { state.withLock { $0.requested } }
    var namespaces: [String] { state.withLock { $0.namespaces } }
    func fail() { state.withLock { $0.fails = true } }

    static let labels = ["__name__": "kafka_server_brokertopicmetrics_bytes_in_total", "topic": "orders",
                         "statefulset_kubernetes_io_pod_name": "my-kafka-kafka-0", "strimzi_io_cluster": "my-kafka",
                         "namespace": "kafka-x"]

    private func record(_ metrics: [KafkaMetric], _ namespace: String) throws {
        try state.withLock { state in
            if state.fails { throw ProviderError(.unavailable, provider: "prometheus", "down") }
            state.requested.append(metrics.map(\.name))
            state.namespaces.append(namespace)
        }
    }

    func instant(_ metrics: [KafkaMetric], namespace: String) async throws -> [KafkaMetricSample] {
        try record(metrics, namespace)
        return [KafkaMetricSample(labels: Self.labels, timestamp: Date(timeIntervalSince1970: 1_611_670_230), value: 84154)]
    }

    func range(_ metrics: [KafkaMetric], namespace: String, over range: KafkaMetricsRange) async throws -> [KafkaMetricSeries] {
        try record(metrics, namespace)
        return [KafkaMetricSeries(labels: Self.labels, points: [
            KafkaMetricPoint(timestamp: Date(timeIntervalSince1970: 1_611_670_230), value: 84154),
            KafkaMetricPoint(timestamp: Date(timeIntervalSince1970: 1_611_670_260.5), value: 85888.5),
        ])]
    }
}

@Suite("Metrics routes")
struct MetricsRoutesTests {
    private static func createKafka(_ client: any TestClientProtocol, headers: HTTPFields) async throws -> String {
        let created = try await client.execute(uri: "/api/kafkas_mgmt/v1/kafkas?async=true", method: .post,
                                               headers: headers, body: json(#"{"name":"my-kafka"}"#))
        return try #require(try created.object()["id"] as? String)
    }

    @Test("without a metrics backend both queries answer with empty items and federate with an empty body")
    func embeddedDefault() async throws {
        let api = try await APIHarness()
        let headers = try await api.auth()
        try await api.run { client in
            let id = try await Self.createKafka(client, headers: headers)
            let base = "/api/kafkas_mgmt/v1/kafkas/\(id)/metrics"
            let instant = try await client.execute(uri: base + "/query", method: .get, headers: headers)
            #expect(instant.status == .ok && instant.headers[.contentType] == "application/json")
            let instantList = try instant.object()
            #expect(instantList["kind"] as? String == "MetricsInstantQueryList" && instantList["id"] as? String == id)
            #expect((instantList["items"] as? [Any])?.isEmpty == true)

            let range = try await client.execute(uri: base + "/query_range?duration=5&interval=30", method: .get, headers: headers).object()
            #expect(range["kind"] as? String == "MetricsRangeQueryList" && range["id"] as? String == id)
            #expect((range["items"] as? [Any])?.isEmpty == true)

            let federated = try await client.execute(uri: base + "/federate", method: .get, headers: headers)
            #expect(federated.status == .ok && federated.body.readableBytes == 0)
            #expect(federated.headers[.contentType]?.hasPrefix("text/plain") == true)
        }
    }

    @Test("samples are presented with their labels, millisecond timestamps and numeric values; filters pick the metrics")
    func presented() async throws {
        let source = StubMetricsSource()
        let api = try await APIHarness(metrics: source)
        let headers = try await api.auth()
        try await api.run { client in
            let id = try await Self.createKafka(client, headers: headers)
            let base = "/api/kafkas_mgmt/v1/kafkas/\(id)/metrics"
            let instant = try await client.execute(
                uri: base + "/query?filters=kafka_server_brokertopicmetrics_bytes_in_total&filters=kubelet_volume_stats_used_bytes&filters=unknown",
                method: .get, headers: headers).object()
            let item = try #require((instant["items"] as? [[String: Any]])?.first)
            #expect((item["metric"] as? [String: String])?["topic"] == "orders")
            #expect(item["timestamp"] as? Int == 1_611_670_230_000 && item["value"] as? Double == 84154)
            #expect(source.requested.last == ["kubelet_volume_stats_used_bytes", "kafka_server_brokertopicmetrics_bytes_in_total"])
            #expect(source.namespaces.last == "kafka-\(id)")

            let range = try await client.execute(uri: base + "/query_range?duration=10&interval=60", method: .get, headers: headers).object()
            let series = try #require((range["items"] as? [[String: Any]])?.first)
            let values = try #require(series["values"] as? [[String: Any]])
            #expect(values.count == 2 && values[1]["timestamp"] as? Int == 1_611_670_260_500 && values[1]["value"] as? Double == 85888.5)
            #expect(source.requested.last?.count == KafkaMetricCatalog.all.count)

            let federated = try await client.execute(uri: base + "/federate", method: .get, headers: headers)
            let text = String(buffer: federated.body)
            #expect(text.contains("# TYPE kafka_server_brokertopicmetrics_bytes_in_total gauge\n"))
            #expect(text.contains(#"kafka_server_brokertopicmetrics_bytes_in_total{topic="orders",statefulset_kubernetes_io_pod_name="my-kafka-kafka-0",strimzi_io_cluster="my-kafka"} 84154"#))
            #expect(!text.contains("namespace="))
        }
    }

    @Test("duration and interval must be integers, checked before the kafka is looked up", arguments: [
        ("interval=30", "duration", ""),
        ("duration=5", "interval", ""),
        ("duration=five&interval=30", "duration", "five"),
        ("duration=5&interval=1.5", "interval", "1.5"),
    ])
    func badRange(query: String, parameter: String, value: String) async throws {
        let api = try await APIHarness()
        let headers = try await api.auth()
        try await api.run { client in
            let response = try await client.execute(uri: "/api/kafkas_mgmt/v1/kafkas/unknown/metrics/query_range?\(query)",
                                                    method: .get, headers: headers)
            try response.expectError(.badRequest, code: 21, reason: "bad request, cannot parse query parameter '\(parameter)' '\(value)'")
        }
    }

    @Test("another organisation's kafka is not found on every metrics route")
    func tenancy() async throws {
        let api = try await APIHarness(metrics: StubMetricsSource())
        let headers = try await api.auth()
        let stranger = try await api.auth(org: "org-2", user: "mallory")
        try await api.run { client in
            let id = try await Self.createKafka(client, headers: headers)
            for path in ["query", "query_range?duration=5&interval=30", "federate"] {
                try await client.execute(uri: "/api/kafkas_mgmt/v1/kafkas/\(id)/metrics/\(path)", method: .get, headers: stranger)
                    .expectError(.notFound, code: 7)
            }
        }
    }

    @Test("a failing metrics backend is a 500 9 that reveals nothing of the backend")
    func backendDown() async throws {
        let source = StubMetricsSource()
        source.fail()
        let api = try await APIHarness(metrics: source)
        let headers = try await api.auth()
        try await api.run { client in
            let id = try await Self.createKafka(client, headers: headers)
            let base = "/api/kafkas_mgmt/v1/kafkas/\(id)/metrics"
            try await client.execute(uri: base + "/query", method: .get, headers: headers)
                .expectError(.internalServerError, code: 9, reason: "failed to retrieve metrics")
            try await client.execute(uri: base + "/query_range?duration=5&interval=30", method: .get, headers: headers)
                .expectError(.internalServerError, code: 9, reason: "failed to retrieve metrics")
            try await client.execute(uri: base + "/federate", method: .get, headers: headers)
                .expectError(.internalServerError, code: 9, reason: "error getting metrics")
        }
    }
}
