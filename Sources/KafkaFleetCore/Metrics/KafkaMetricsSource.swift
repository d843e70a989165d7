/// Where a kafka's metrics come from: a Prometheus-compatible backend (observatorium) in production, nothing in
/// the embedded default.
///
/// Implementations ask only for the given metrics, restricted to the kafka's series by each metric's scope and the
/// kafka's namespace, and return every series the backend answers with. A backend that cannot be reached or
/// refuses the query throws (any error); the API then answers 500.
public protocol KafkaMetricsSource: Sendable {
    /// The latest value of each series of `metrics` for the kafka in `namespace`.
    func instant(_ metrics: [KafkaMetric], namespace: String) async throws -> [KafkaMetricSample]
    /// The values of each series of `metrics` for the kafka in `namespace` over `range`.
    func range(_ metrics: [KafkaMetric], namespace: String, over range: KafkaMetricsRange) async throws -> [KafkaMetricSeries]
}
