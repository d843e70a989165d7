/// A metrics source with no series: the embedded default when no metrics backend is configured, so the metrics
/// endpoints answer with empty lists (and an empty federation) instead of failing.
public struct EmptyKafkaMetricsSource: KafkaMetricsSource {
    /// A source without series.
    public init() {}

    public func instant(_ metrics: [KafkaMetric], namespace: String) async throws -> [KafkaMetricSample] { [] }

    public func range(_ metrics: [KafkaMetric], namespace: String, over range: KafkaMetricsRange) async throws -> [KafkaMetricSeries] {
        []
    }
}
