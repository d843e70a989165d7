/// The fleet's capacity table: one `StreamingUnitUsage` per non-failed cluster and instance type it supports. Scaling
/// decisions are pure functions of it, and scale-down edits a copy to see the fleet without a cluster.
public struct FleetCapacitySummary: Sendable, Hashable {
    /// The rows, in cluster order.
    public var usage: [StreamingUnitUsage]

    /// A table from its rows.
    public init(usage: [StreamingUnitUsage]) {
        self.usage = usage
    }

    /// Reads the table for `clusters` from `store`: failed clusters are left out (they never count), and every other
    /// cluster gets a row per supported instance type with the units of its kafkas not yet `deleting` and the
    /// `maxUnits` its agent reported.
    public static func read(clusters: [DataPlaneCluster], from store: any KafkaStore) async throws -> FleetCapacitySummary {
        var usage: [StreamingUnitUsage] = []
        for cluster in clusters where cluster.status != .failed {
            for instanceType in cluster.supportedInstanceTypes {
                let filter = KafkaFilter(clusterID: cluster.clusterID, instanceType: instanceType, excludingStatuses: [.deleting])
                let used = try await store.sumKafkas(filter, measure: .capacityUnits)
                usage.append(StreamingUnitUsage(
                    clusterID: cluster.clusterID, cloudProvider: cluster.cloudProvider, region: cluster.region,
                    instanceType: instanceType, usedUnits: used, maxUnits: cluster.capacity[instanceType]?.maxUnits ?? 0,
                    status: cluster.status, clusterType: cluster.clusterType
                ))
            }
        }
        return FleetCapacitySummary(usage: usage)
    }

    /// The table without the rows of the cluster `clusterID`.
    public func removingCluster(_ clusterID: String) -> FleetCapacitySummary {
        FleetCapacitySummary(usage: usage.filter { $0.clusterID != clusterID })
    }

    /// The table without the clusters still being built.
    public func removingClustersBeingBuilt() -> FleetCapacitySummary {
        FleetCapacitySummary(usage: usage.filter { !$0.isBeingBuilt })
    }

    /// The streaming units the cluster `clusterID` uses over all its instance types.
    public func usedUnits(ofCluster clusterID: String) -> Int {
        usage.lazy.filter { $0.clusterID == clusterID }.reduce(0) { $0 + $1.usedUnits }
    }
}
