public import KafkaFleetCore

/// How a `SimulatedAgent` behaves: how fast its kafkas become ready, how often it talks to the control plane, and
/// what its cluster offers (ingress domain, capacity per instance type, Strimzi versions).
public struct SimulatedAgentSettings: Sendable, Hashable {
    /// How long after it first sees a kafka the agent reports it ready.
    public var readyAfter: Duration
    /// How often the agent polls the control plane when nothing wakes it (a real agent polls every 15 s).
    public var pollInterval: Duration
    /// How often the agent reports every kafka again, changed or not (between those it reports changes only).
    public var fullReportInterval: Duration
    /// The cluster's ingress DNS name; route routers are placed under it so that the control plane accepts them.
    public var clusterDNS: String
    /// Streaming units the cluster reports per instance type.
    public var capacity: [String: Int]
    /// The Strimzi operators the cluster reports.
    public var strimziVersions: [DataPlaneClusterStatus.ReportedStrimzi]

    /// Settings for a cluster whose ingress is `clusterDNS`: by default kafkas are ready 2 s after the agent first sees
    /// them, the agent polls every second and reports everything every 30 s, and the cluster holds 100 streaming
    /// units of each of the standard and developer types with one Strimzi version that offers Kafka 3.2.3 and 3.3.1.
    public init(
        readyAfter: Duration = .seconds(2), pollInterval: Duration = .seconds(1), fullReportInterval: Duration = .seconds(30),
        clusterDNS: String,
        capacity: [String: Int] = ["standard": 100, "developer": 100],
        strimziVersions: [DataPlaneClusterStatus.ReportedStrimzi] = [
            .init(version: "strimzi-cluster-operator.v0.32.0-3", ready: true,
                  kafkaVersions: ["3.2.3", "3.3.1"], kafkaIbpVersions: ["3.2", "3.3"]),
        ]
    ) {
        self.readyAfter = readyAfter
        self.pollInterval = pollInterval
        self.fullReportInterval = fullReportInterval
        self.clusterDNS = clusterDNS
        self.capacity = capacity
        self.strimziVersions = strimziVersions
    }
}
