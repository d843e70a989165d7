/// The Kafka, Strimzi and inter-broker-protocol versions of an instance.
public struct KafkaVersions: Sendable, Codable, Hashable {
    /// The Kafka version, e.g. `3.3.1`.
    public var kafka: String
    /// The Strimzi operator version, e.g. `strimzi-cluster-operator.v0.32.0-3`.
    public var strimzi: String
    /// The inter-broker protocol version, e.g. `3.3`.
    public var kafkaIBP: String

    /// Versions from their three parts; empty strings mean "not known".
    public init(kafka: String = "", strimzi: String = "", kafkaIBP: String = "") {
        self.kafka = kafka
        self.strimzi = strimzi
        self.kafkaIBP = kafkaIBP
    }
}
