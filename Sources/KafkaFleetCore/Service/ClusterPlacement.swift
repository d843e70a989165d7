/// Chooses the data-plane cluster a kafka runs on, and states the capacity limit that makes the choice safe.
///
/// The choice is first-fit over clusters oldest first, as the reference's manual scaling does; the capacity
/// check itself is left to the store as an `AdmissionLimit`, so that concurrent placements on a nearly full
/// cluster can never over-commit it.
public enum ClusterPlacement {
    /// Whether `cluster` could ever host `kafka`: same cloud, region and AZ mode, the instance type supported,
    /// schedulable, managed (or the kafka's own enterprise cluster), and not failed or being removed.
    public static func fits(_ kafka: KafkaRequest, on cluster: DataPlaneCluster) -> Bool {
        guard cluster.cloudProvider == kafka.cloudProvider, cluster.region == kafka.region,
              cluster.multiAZ == kafka.multiAZ, cluster.schedulable,
              cluster.supportedInstanceTypes.contains(kafka.instanceType)
        else { return false }
        switch cluster.status {
        case .failed, .deprovisioning, .cleanup: return false
        default: break
        }
        switch cluster.clusterType {
        case .managed: return kafka.desiredBillingModel != "enterprise"
        case .enterprise: return kafka.clusterID == cluster.clusterID && kafka.organisationID == cluster.organizationID
        }
    }

    /// The clusters that could host `kafka`, in placement order (ready ones first, then oldest first).
    public static func candidates(for kafka: KafkaRequest, among clusters: [DataPlaneCluster]) -> [DataPlaneCluster] {
        let fitting = clusters.filter { fits(kafka, on: $0) }
        return fitting.filter { $0.status == .ready } + fitting.filter { $0.status != .ready }
    }

    /// The most streaming units of `instanceType` that `cluster` may hold: the smaller of its configured
    /// instance limit and the capacity its agent reported; `nil` when neither is known.
    public static func maximumUnits(of cluster: DataPlaneCluster, instanceType: String) -> Int? {
        let reported = cluster.capacity[instanceType].flatMap { $0.maxUnits > 0 ? $0.maxUnits : nil }
        let configured = cluster.kafkaInstanceLimit.flatMap { $0 >= 0 ? $0 : nil }
        switch (reported, configured) {
        case let (r?, c?): return min(r, c)
        case let (r?, nil): return r
        case let (nil, c?): return c
        case (nil, nil): return nil
        }
    }

    /// The limits the store must check when `kafka` is written onto `cluster`: the cluster's configured limit over
    /// all its kafkas, and its reported capacity for the kafka's instance type.
    public static func capacityLimits(for kafka: KafkaRequest, on cluster: DataPlaneCluster) -> [AdmissionLimit] {
        let refusal = FleetError(.tooManyKafkaInstancesReached,
                                 "region \(kafka.region) cannot accept instance type: \(kafka.instanceType) at this moment")
        var limits: [AdmissionLimit] = []
        if let configured = cluster.kafkaInstanceLimit, configured >= 0 {
            limits.append(AdmissionLimit(refusal: refusal,
                                         filter: KafkaFilter(clusterID: cluster.clusterID, excludingStatuses: [.deleting]),
                                         measure: .capacityUnits, maximum: configured))
        }
        if let reported = cluster.capacity[kafka.instanceType], reported.maxUnits > 0 {
            limits.append(AdmissionLimit(refusal: refusal,
                                         filter: KafkaFilter(clusterID: cluster.clusterID, instanceType: kafka.instanceType,
                                                             excludingStatuses: [.deleting]),
                                         measure: .capacityUnits, maximum: reported.maxUnits))
        }
        return limits
    }
}
