/// Renders a kafka's federated metrics in the Prometheus text exposition format (version 0.0.4), as the
/// reference's federate endpoint does: only the catalog's federated metrics, each as a gauge with its
/// `# HELP` and `# TYPE` lines, keeping only its federated labels; metrics and series in a stable order.
public enum FederatedMetricsText {
    /// The exposition of `samples`; empty when none is federated.
    public static func render(_ samples: [KafkaMetricSample]) -> String {
        var byMetric: [String: [String]] = [:]
        for sample in samples {
            guard let metric = KafkaMetricCatalog.metric(named: sample.name), let labels = metric.federatedLabels else { continue }
            let pairs = labels.map { "\($0)=\"\(escape(sample.labels[$0] ?? ""))\"" }
            let series = pairs.isEmpty ? metric.name : "\(metric.name){\(pairs.joined(separator: ","))}"
            byMetric[metric.name, default: []].append("\(series) \(format(sample.value))")
        }
        var text = ""
        for name in byMetric.keys.sorted() {
            let help = KafkaMetricCatalog.metric(named: name)?.help ?? ""
            text += "# HELP \(name) \(help)\n# TYPE \(name) gauge\n"
            for line in byMetric[name, default: []].sorted() { text += line + "\n" }
        }
        return text
    }

    /// A label value with `\`, `"` and newlines escaped.
    private static func escape(_ value: String) -> String {
        value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n")
    }

    /// A value as Prometheus writes it: integers without a fraction, `NaN`, `+Inf`, `-Inf`.
    static func format(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value > 0 ? "+Inf" : "-Inf" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }
}
