/// A Strimzi operator version an agent reported as installed on its cluster, with the Kafka and
/// inter-broker-protocol versions it can run.
public struct StrimziVersion: Sendable, Codable, Hashable {
    /// The operator version, e.g. `strimzi-cluster-operator.v0.32.0-3`.
    public var version: String
    /// Whether the operator is ready to run instances.
    public var ready: Bool
    /// The Kafka versions it can run, in ascending order.
    public var kafkaVersions: [String]
    /// The inter-broker-protocol versions it can run, in ascending order.
    public var kafkaIBPVersions: [String]

    /// A version entry from its parts.
    public init(version: String, ready: Bool, kafkaVersions: [String], kafkaIBPVersions: [String]) {
        self.version = version
        self.ready = ready
        self.kafkaVersions = kafkaVersions
        self.kafkaIBPVersions = kafkaIBPVersions
    }
}

extension Array where Element == StrimziVersion {
    /// The newest ready entry as desired versions for a new instance, or `nil` when none is ready
    /// or its version lists are empty. The list is kept sorted ascending, so the last ready one wins.
    public var latestReadyVersions: KafkaVersions? {
        guard let latest = last(where: \.ready),
              let kafka = latest.kafkaVersions.last,
              let ibp = latest.kafkaIBPVersions.last
        else { return nil }
        return KafkaVersions(kafka: kafka, strimzi: latest.version, kafkaIBP: ibp)
    }
}
