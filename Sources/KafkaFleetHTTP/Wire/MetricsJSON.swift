import Foundation
import KafkaFleetCore

/// `MetricsInstantQueryList`: `{kind, id, items:[{metric, timestamp, value}]}`, timestamps in Unix milliseconds.
/// JSON has no NaN or infinity, so samples with such values are left out.
struct MetricsInstantQueryListJSON: Encodable {
    struct Item: Encodable {
        var metric: [String: String]
        var timestamp: Int64
        var value: Double
    }

    var kind = "MetricsInstantQueryList"
    var id: String
    var items: [Item]

    /// The list of a kafka's samples.
    init(id: String, samples: [KafkaMetricSample]) {
        self.id = id
        items = samples.filter(\.value.isFinite).map { Item(metric: $0.labels, timestamp: milliseconds($0.timestamp), value: $0.value) }
    }
}

/// `MetricsRangeQueryList`: `{kind, id, items:[{metric, values:[{timestamp, value}]}]}`, timestamps in Unix milliseconds.
/// Points with NaN or infinite values are left out (JSON has no such numbers).
struct MetricsRangeQueryListJSON: Encodable {
    struct Value: Encodable {
        var timestamp: Int64
        var value: Double
    }

    struct Item: Encodable {
        var metric: [String: String]
        var values: [Value]
    }

    var kind = "MetricsRangeQueryList"
    var id: String
    var items: [Item]

    /// The list of a kafka's series.
    init(id: String, series: [KafkaMetricSeries]) {
        self.id = id
        items = series.map { series in
            Item(metric: series.labels, values: series.points.filter(\.value.isFinite).map { Value(timestamp: milliseconds($0.timestamp), value: $0.value) })
        }
    }
}

/// A time as Unix milliseconds, as the reference presents metric timestamps; a time outside Int64's range (from a
/// misbehaving query API) is clamped to it rather than trapping, and a NaN is 0.
private func milliseconds(_ date: Date) -> Int64 {
    let value = (date.timeIntervalSince1970 * 1000).rounded()
    if let exact = Int64(exactly: value) { return exact }
    return value.isNaN ? 0 : (value > 0 ? .max : .min)
}
