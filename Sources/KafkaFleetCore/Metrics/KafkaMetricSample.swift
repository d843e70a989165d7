public import Foundation

/// One value of one series at one time, as a metrics backend answers an instant query.
public struct KafkaMetricSample: Sendable, Hashable {
    /// The series' labels, `__name__` (the metric name) included.
    public var labels: [String: String]
    /// When the value was sampled.
    public var timestamp: Date
    /// The value.
    public var value: Double

    /// A sample from its parts.
    public init(labels: [String: String], timestamp: Date, value: Double) {
        self.labels = labels
        self.timestamp = timestamp
        self.value = value
    }

    /// The metric name (`__name__`), empty if the backend sent none.
    public var name: String { labels["__name__"] ?? "" }
}

/// One value of a series in a range query.
public struct KafkaMetricPoint: Sendable, Hashable {
    /// When the value was sampled.
    public var timestamp: Date
    /// The value.
    public var value: Double

    /// A point from its parts.
    public init(timestamp: Date, value: Double) {
        self.timestamp = timestamp
        self.value = value
    }
}

/// One series over a time range, as a metrics backend answers a range query.
public struct KafkaMetricSeries: Sendable, Hashable {
    /// The series' labels, `__name__` included.
    public var labels: [String: String]
    /// The values, oldest first.
    public var points: [KafkaMetricPoint]

    /// A series from its parts.
    public init(labels: [String: String], points: [KafkaMetricPoint]) {
        self.labels = labels
        self.points = points
    }
}
