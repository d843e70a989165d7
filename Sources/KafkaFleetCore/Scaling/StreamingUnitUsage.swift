/// One row of the fleet's capacity table: how many streaming units of one instance type a cluster uses and may
/// hold (the reference's streaming-unit count per cluster and instance type).
public struct StreamingUnitUsage: Sendable, Hashable {
    /// The cluster's `cluster_id`.
    public var clusterID: String
    /// The cluster's cloud provider.
    public var cloudProvider: String
    /// The cluster's region.
    public var region: String
    /// The instance type this row counts.
    public var instanceType: String
    /// The streaming units its kafkas of this type take (every kafka not yet `deleting`).
    public var usedUnits: Int
    /// The streaming units of this type its agent says it can hold; 0 when not reported yet.
    public var maxUnits: Int
    /// The cluster's status.
    public var status: ClusterStatus
    /// Who owns the cluster.
    public var clusterType: ClusterType

    /// A row from its parts.
    public init(clusterID: String, cloudProvider: String, region: String, instanceType: String, usedUnits: Int, maxUnits: Int,
                status: ClusterStatus, clusterType: ClusterType = .managed) {
        self.clusterID = clusterID
        self.cloudProvider = cloudProvider
        self.region = region
        self.instanceType = instanceType
        self.usedUnits = usedUnits
        self.maxUnits = maxUnits
        self.status = status
        self.clusterType = clusterType
    }

    /// Whether the cluster is still being built (accepted, provisioning, provisioned or waiting for its agent): a
    /// scale-up in flight, whose capacity is not counted yet.
    public var isBeingBuilt: Bool {
        switch status {
        case .accepted, .provisioning, .provisioned, .waitingForAgent: true
        case .ready, .failed, .deprovisioning, .cleanup: false
        }
    }

    /// Whether the cluster is leaving the fleet (deprovisioning or cleanup), so its capacity no longer counts.
    public var isLeaving: Bool { status == .deprovisioning || status == .cleanup }

    /// Whether the row belongs to `locator`.
    public func isIn(_ locator: ScalingLocator) -> Bool {
        cloudProvider == locator.cloudProvider && region == locator.region && instanceType == locator.instanceType
    }
}
