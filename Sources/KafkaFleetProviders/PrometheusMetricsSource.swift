public import AsyncHTTPClient
import Foundation
public import KafkaFleetCore
public import Logging
import NIOHTTP1

/// Where `PrometheusMetricsSource` finds a Prometheus-compatible query API and how it authenticates.
public struct PrometheusMetricsConfiguration: Sendable {
    /// The URL under which `/api/v1/query` and `/api/v1/query_range` live: a Prometheus server's root, or an
    /// observatorium tenant's API (`https://…/api/metrics/v1/<tenant>`).
    public var baseURL: String
    /// The bearer token sent with every query, if the API needs one.
    public var token: String?
    /// How long one query may take.
    public var requestTimeout: Duration

    /// A configuration with a 30 s request timeout by default.
    public init(baseURL: String, token: String? = nil, requestTimeout: Duration = .seconds(30)) {
        self.baseURL = baseURL
        self.token = token
        self.requestTimeout = requestTimeout
    }
}

/// A `KafkaMetricsSource` over the Prometheus HTTP query API (Prometheus, Thanos, observatorium).
///
/// Like the reference, it sends one query per scope, naming that scope's metrics with a `__name__` regex and
/// restricting the series to the kafka's namespace (and, by scope, to its broker volumes, its Strimzi `Kafka`
/// resource or its user topics); the queries run concurrently and any failure fails the whole call with a
/// `ProviderError` (5xx, 429 and transport errors retryable).
public final class PrometheusMetricsSource: KafkaMetricsSource {
    private let configuration: PrometheusMetricsConfiguration
    private let http: ProviderHTTP

    /// A source querying through `httpClient` (shared, not shut down by the source).
    public init(
        configuration: PrometheusMetricsConfiguration, httpClient: HTTPClient = .shared,
        logger: Logger = Logger(label: "kafkafleet.prometheus")
    ) {
        self.configuration = configuration
        self.http = ProviderHTTP(provider: "prometheus", client: httpClient, timeout: configuration.requestTimeout, logger: logger)
    }

    public func instant(_ metrics: [KafkaMetric], namespace: String) async throws -> [KafkaMetricSample] {
        let results = try await run(Self.queries(for: metrics, namespace: namespace)) { query in
            try await self.send("/api/v1/query", [("query", query)])
        }
        return results.flatMap { $0.samples }
    }

    public func range(_ metrics: [KafkaMetric], namespace: String, over range: KafkaMetricsRange) async throws -> [KafkaMetricSeries] {
        let parameters = [
            ("start", Self.seconds(range.start)), ("end", Self.seconds(range.end)),
            ("step", String(range.step.components.seconds)),
        ]
        let results = try await run(Self.queries(for: metrics, namespace: namespace)) { query in
            try await self.send("/api/v1/query_range", [("query", query)] + parameters)
        }
        return results.flatMap { $0.series }
    }

    // MARK: queries

    /// One PromQL selector per scope, in the order of the scopes' first metrics.
    static func queries(for metrics: [KafkaMetric], namespace: String) -> [String] {
        var scopes: [KafkaMetric.Scope] = []
        var names: [KafkaMetric.Scope: [String]] = [:]
        for metric in metrics {
            if names[metric.scope] == nil { scopes.append(metric.scope) }
            names[metric.scope, default: []].append(metric.name)
        }
        return scopes.map { scope in
            let matchers = ["__name__=~\(quoted(names[scope, default: []].joined(separator: "|")))"] + Self.matchers(scope, namespace: namespace)
            return "{\(matchers.joined(separator: ", "))}"
        }
    }

    private static func matchers(_ scope: KafkaMetric.Scope, namespace: String) -> [String] {
        let inNamespace = "namespace=\(quoted(namespace))"
        let userTopics = "topic!~\(quoted(KafkaMetric.internalTopicsPattern))"
        let kafkaResource = "strimzi_io_kind=\"Kafka\""
        switch scope {
        case .brokerVolumes: return ["persistentvolumeclaim=~\(quoted("data-.*-kafka-[0-9]*$"))", inNamespace]
        case .kafkaResource: return [kafkaResource, inNamespace]
        case .kafkaResourceUserTopics: return [kafkaResource, userTopics, inNamespace]
        case .userTopics: return [userTopics, inNamespace]
        case .ingress: return ["exported_namespace=\(quoted(namespace))"]
        case .namespace: return [inNamespace]
        }
    }

    /// A PromQL string literal.
    private static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    private static func seconds(_ date: Date) -> String { String(format: "%.3f", date.timeIntervalSince1970) }

    // MARK: transport

    /// Runs every query concurrently; the results in query order.
    private func run(_ queries: [String], _ body: @escaping @Sendable (String) async throws -> QueryResult) async throws -> [QueryResult] {
        try await withThrowingTaskGroup(of: (Int, QueryResult).self) { group in
            for (index, query) in queries.enumerated() {
                group.addTask { (index, try await body(query)) }
            }
            var results = [QueryResult?](repeating: nil, count: queries.count)
            for try await (index, result) in group { results[index] = result }
            return results.compactMap { $0 }
        }
    }

    private func send(_ path: String, _ parameters: [(String, String)]) async throws(ProviderError) -> QueryResult {
        let url = trimmedBaseURL(configuration.baseURL) + path + "?" + queryString(parameters)
        var headers = [("accept", "application/json")]
        if let token = configuration.token { headers.append(("authorization", "Bearer \(token)")) }
        let response = try await http.send(.GET, url, headers: headers)
        guard response.isSuccess else { throw http.failure(response, "query \(parameters.first?.1 ?? "")") }
        let answer = try response.decode(QueryResponse.self, provider: http.provider)
        guard answer.status == "success", let data = answer.data else {
            throw ProviderError(.rejected, provider: http.provider, "query failed: \(answer.error ?? answer.status)")
        }
        return data.result
    }

    // MARK: wire types

    /// `{"status":…, "data":{"resultType":…, "result":[…]}, "error":…}`.
    private struct QueryResponse: Decodable {
        var status: String
        var data: QueryData?
        var error: String?
    }

    private struct QueryData: Decodable {
        var result: QueryResult

        enum CodingKeys: String, CodingKey { case resultType, result }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            switch try container.decode(String.self, forKey: .resultType) {
            case "vector": result = .vector(try container.decode([VectorItem].self, forKey: .result))
            case "matrix": result = .matrix(try container.decode([MatrixItem].self, forKey: .result))
            case let other:
                throw DecodingError.dataCorruptedError(forKey: .resultType, in: container, debugDescription: "unexpected result type \(other)")
            }
        }
    }

    /// The series of one query.
    enum QueryResult: Sendable {
        case vector([VectorItem])
        case matrix([MatrixItem])

        var samples: [KafkaMetricSample] {
            guard case let .vector(items) = self else { return [] }
            return items.map { KafkaMetricSample(labels: $0.metric, timestamp: $0.value.timestamp, value: $0.value.value) }
        }

        var series: [KafkaMetricSeries] {
            guard case let .matrix(items) = self else { return [] }
            return items.map { item in
                KafkaMetricSeries(labels: item.metric, points: item.values.map { KafkaMetricPoint(timestamp: $0.timestamp, value: $0.value) })
            }
        }
    }

    struct VectorItem: Decodable, Sendable {
        var metric: [String: String]
        var value: PointValue
    }

    struct MatrixItem: Decodable, Sendable {
        var metric: [String: String]
        var values: [PointValue]
    }

    /// `[<unix seconds>, "<value>"]`.
    struct PointValue: Decodable, Sendable {
        var timestamp: Date
        var value: Double

        init(from decoder: any Decoder) throws {
            var container = try decoder.unkeyedContainer()
            timestamp = Date(timeIntervalSince1970: try container.decode(Double.self))
            let text = try container.decode(String.self)
            guard let value = Double(text) ?? Self.special(text) else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a number: \(text)")
            }
            self.value = value
        }

        /// Prometheus writes non-finite values as `NaN`, `+Inf` and `-Inf`.
        private static func special(_ text: String) -> Double? {
            switch text {
            case "NaN": .nan
            case "+Inf": .infinity
            case "-Inf": -.infinity
            default: nil
            }
        }
    }
}
