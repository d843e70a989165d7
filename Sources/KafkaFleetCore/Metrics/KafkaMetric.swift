/// One metric users may read about their kafka: its name in the metrics backend, which series of the backend
/// belong to the kafka, and how it is federated.
public struct KafkaMetric: Sendable, Hashable {
    /// Which series of a metric belong to a kafka, beside the kafka's namespace.
    public enum Scope: Sendable, Hashable, CaseIterable {
        /// The data volumes of the kafka's brokers (persistent volume claims `data-…-kafka-<n>`).
        case brokerVolumes
        /// Series of the Strimzi `Kafka` resource.
        case kafkaResource
        /// Series of the Strimzi `Kafka` resource about user topics (internal topics left out).
        case kafkaResourceUserTopics
        /// Series about user topics (internal topics left out).
        case userTopics
        /// Series of the ingress router, which names the kafka's namespace as `exported_namespace`.
        case ingress
        /// Every series of the namespace.
        case namespace
    }

    /// The metric name, e.g. `kafka_server_brokertopicmetrics_bytes_in_total`.
    public var name: String
    /// Which of its series belong to a kafka.
    public var scope: Scope
    /// The labels kept when federated; `nil` when the metric is not federated.
    public var federatedLabels: [String]?
    /// The `# HELP` text of the federated metric.
    public var help: String

    /// A metric from its parts.
    public init(name: String, scope: Scope, federatedLabels: [String]? = nil, help: String = "") {
        self.name = name
        self.scope = scope
        self.federatedLabels = federatedLabels
        self.help = help
    }

    /// Internal topics whose series users do not see.
    public static let internalTopicsPattern = "__redhat_.*|__consumer_offsets|__transaction_state"
}
