/// An enterprise cluster as its organisation sees it: the stored row, its standard capacity and the streaming
/// units its kafkas use.
public struct EnterpriseClusterDetails: Sendable, Hashable {
    /// The cluster.
    public var cluster: DataPlaneCluster
    /// The cluster's capacity for standard instances (node count from registration, units from the agent).
    public var standardCapacity: ClusterCapacity
    /// Streaming units of the standard kafkas placed on it that are not being deleted.
    public var consumedStreamingUnits: Int

    /// Details from their parts.
    public init(cluster: DataPlaneCluster, standardCapacity: ClusterCapacity, consumedStreamingUnits: Int) {
        self.cluster = cluster
        self.standardCapacity = standardCapacity
        self.consumedStreamingUnits = consumedStreamingUnits
    }

    /// The node count of the kafka machine pool given at registration.
    public var kafkaMachinePoolNodeCount: Int { standardCapacity.maxNodes }
    /// The streaming units the agent says the cluster holds; 0 until it reports.
    public var maximumStreamingUnits: Int { standardCapacity.maxUnits }
    /// Maximum minus consumed; negative while the agent has not reported and kafkas already run.
    public var remainingStreamingUnits: Int { maximumStreamingUnits - consumedStreamingUnits }
}
