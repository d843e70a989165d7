import Foundation
import Hummingbird
import HummingbirdTesting
import KafkaFleetCore
import KafkaFleetProviders
import Testing

@Suite("Prometheus metrics source against a fake query API")
struct PrometheusMetricsSourceTests {
    /// Runs `body` with a live fake Prometheus and a source pointing at it.
    static func withPrometheus(
        token: String? = "obs-token", _ body: @Sendable (FakePrometheus, PrometheusMetricsSource) async throws -> Void
    ) async throws {
        let fake = FakePrometheus()
        try await fake.application.test(.live) { client in
            let source = PrometheusMetricsSource(configuration: PrometheusMetricsConfiguration(
                baseURL: "http://localhost:\(try #require(client.port))/", token: token))
            try await body(fake, source)
        }
    }

    static func metrics(_ names: String...) -> [KafkaMetric] { names.compactMap(KafkaMetricCatalog.metric(named:)) }

    @Test("an instant query sends one selector per scope, restricted to the kafka's namespace, with the token")
    func instantSelectors() async throws {
        try await Self.withPrometheus { prometheus, source in
            // Given three metrics of two scopes
            let metrics = Self.metrics("kafka_server_brokertopicmetrics_bytes_in_total", "kafka_server_brokertopicmetrics_bytes_out_total",
                                       "kubelet_volume_stats_used_bytes")
            // When they are read for one kafka
            let samples = try await source.instant(metrics, namespace: "kafka-abc")
            // Then each scope was one query and every metric came back
            let queries = Set(prometheus.received.map { $0.parameters["query"] ?? "" })
            #expect(queries == [
                #"{__name__=~"kafka_server_brokertopicmetrics_bytes_in_total|kafka_server_brokertopicmetrics_bytes_out_total", strimzi_io_kind="Kafka", topic!~"__redhat_.*|__consumer_offsets|__transaction_state", namespace="kafka-abc"}"#,
                #"{__name__=~"kubelet_volume_stats_used_bytes", persistentvolumeclaim=~"data-.*-kafka-[0-9]*$", namespace="kafka-abc"}"#,
            ])
            #expect(prometheus.received.allSatisfy { $0.path == "/api/v1/query" && $0.authorization == "Bearer obs-token" })
            #expect(Set(samples.map(\.name)) == Set(metrics.map(\.name)))
            let sample = try #require(samples.first)
            #expect(sample.labels["topic"] == "orders" && sample.value == 84154)
            #expect(sample.timestamp == Date(timeIntervalSince1970: 1_611_670_230.25))
        }
    }

    @Test("the ingress metrics select by exported_namespace; the whole catalog needs six queries")
    func wholeCatalog() async throws {
        try await Self.withPrometheus(token: nil) { prometheus, source in
            let samples = try await source.instant(KafkaMetricCatalog.all, namespace: "kafka-abc")
            #expect(samples.count == KafkaMetricCatalog.all.count)
            #expect(prometheus.received.count == KafkaMetric.Scope.allCases.count)
            #expect(prometheus.received.contains { $0.parameters["query"]?.contains(#"exported_namespace="kafka-abc""#) == true })
            #expect(prometheus.received.allSatisfy { $0.authorization == nil })
        }
    }

    @Test("a range query sends start, end and step and reads every point")
    func range() async throws {
        try await Self.withPrometheus { prometheus, source in
            let end = Date(timeIntervalSince1970: 1_700_000_000)
            let range = KafkaMetricsRange(endingAt: end, minutes: 5, stepSeconds: 30)
            let series = try await source.range(Self.metrics("kafka_instance_partition_limit"), namespace: "kafka-abc", over: range)
            let request = try #require(prometheus.received.first)
            #expect(request.path == "/api/v1/query_range")
            #expect(request.parameters["start"] == "1699999700.000" && request.parameters["end"] == "1700000000.000")
            #expect(request.parameters["step"] == "30")
            let only = try #require(series.first)
            #expect(only.labels["__name__"] == "kafka_instance_partition_limit")
            #expect(only.points.map(\.timestamp) == [Date(timeIntervalSince1970: 1_611_670_230), Date(timeIntervalSince1970: 1_611_670_260.5)])
        }
    }

    @Test("Prometheus's non-finite values are read")
    func nonFinite() async throws {
        try await Self.withPrometheus { prometheus, source in
            prometheus.answer(value: "NaN")
            let samples = try await source.instant(Self.metrics("kafka_instance_partition_limit"), namespace: "kafka-abc")
            #expect(samples.first?.value.isNaN == true)
        }
    }

    @Test("an unavailable backend is retryable; a refused query is not", arguments: [
        (HTTPResponse.Status.serviceUnavailable, "{}", true),
        (.badRequest, #"{"status":"error","errorType":"bad_data","error":"parse error"}"#, false),
        (.ok, #"{"status":"error","error":"query timed out"}"#, false),
    ])
    func failures(status: HTTPResponse.Status, body: String, retryable: Bool) async throws {
        try await Self.withPrometheus { prometheus, source in
            prometheus.fail(status, body: body)
            do {
                _ = try await source.instant(Self.metrics("kafka_instance_partition_limit"), namespace: "kafka-abc")
                Issue.record("no error was thrown")
            } catch let error as ProviderError {
                #expect(error.isRetryable == retryable)
                #expect(error.provider == "prometheus")
            }
        }
    }
}
