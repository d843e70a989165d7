/// A cluster that scale-down may remove, and why.
public struct ScaleDownChoice: Sendable, Hashable {
    /// Why the cluster may go.
    public enum Reason: String, Sendable, Hashable {
        /// Its region is no longer in the provider catalogue.
        case regionNotConfigured
        /// The rest of the fleet needs no scale-up without it.
        case capacityRemains
    }

    /// The cluster, as read.
    public var cluster: DataPlaneCluster
    /// Why it may go.
    public var reason: Reason

    /// A choice from its parts.
    public init(cluster: DataPlaneCluster, reason: Reason) {
        self.cluster = cluster
        self.reason = reason
    }
}
