/// The capacity of a cluster for one instance type, in streaming units.
public struct ClusterCapacity: Sendable, Codable, Hashable {
    /// The maximum number of nodes of the instance type's machine pool (configured or registered).
    public var maxNodes: Int
    /// The streaming units the agent says the cluster can hold.
    public var maxUnits: Int
    /// The streaming units the agent says are still free.
    public var remainingUnits: Int

    /// A capacity entry from its parts.
    public init(maxNodes: Int = 0, maxUnits: Int = 0, remainingUnits: Int = 0) {
        self.maxNodes = maxNodes
        self.maxUnits = maxUnits
        self.remainingUnits = remainingUnits
    }
}
