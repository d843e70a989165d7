public import Foundation

/// The time range and resolution of a range query: from `start` to `end`, one point every `step`.
public struct KafkaMetricsRange: Sendable, Hashable {
    /// The first instant.
    public var start: Date
    /// The last instant.
    public var end: Date
    /// The distance between points.
    public var step: Duration

    /// A range from its parts.
    public init(start: Date, end: Date, step: Duration) {
        self.start = start
        self.end = end
        self.step = step
    }

    /// The range ending at `end` that covers the last `minutes` minutes, one point every `seconds` seconds
    /// (the API's `duration` and `interval`).
    public init(endingAt end: Date, minutes: Int64, stepSeconds seconds: Int64) {
        self.init(start: end.addingTimeInterval(-TimeInterval(minutes) * 60), end: end, step: .seconds(seconds))
    }
}
