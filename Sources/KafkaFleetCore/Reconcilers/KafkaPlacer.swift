/// The one placement of a kafka: first fit over the ready clusters that could host it, each tried with a write that
/// claims the cluster's capacity in the same conditional step. Used by create (an insert), by the accepted reconciler
/// and by re-placement after an agent rejected a kafka (updates).
struct KafkaPlacer {
    /// What trying the targets came to.
    enum Placement<Value> {
        /// Written on a cluster; the value is the stored row.
        case placed(Value)
        /// No target had room.
        case full
        /// Another writer changed the row first.
        case conflict
        /// A limit other than a cluster's capacity was broken.
        case refused(AdmissionLimit)
    }

    /// The ready clusters among `clusters` that could host `kafka`, in placement order.
    static func targets(for kafka: KafkaRequest, among clusters: [DataPlaneCluster]) -> [DataPlaneCluster] {
        ClusterPlacement.candidates(for: kafka, among: clusters).filter { $0.status == .ready }
    }

    /// Writes `kafka` placed on each target in turn, with `limits`, the target's capacity limits and `trailing` (in
    /// that order, the order their refusals take), until a write holds; a target whose capacity refuses is passed over.
    static func firstFit<Value>(
        _ kafka: KafkaRequest, on targets: [DataPlaneCluster], limits: [AdmissionLimit] = [], trailing: [AdmissionLimit] = [],
        write: (KafkaRequest, [AdmissionLimit]) async throws -> WriteOutcome<Value>
    ) async throws -> Placement<Value> {
        for cluster in targets {
            var placed = kafka
            placed.clusterID = cluster.clusterID
            let clusterLimits = ClusterPlacement.capacityLimits(for: placed, on: cluster)
            switch try await write(placed, limits + clusterLimits + trailing) {
            case let .written(stored): return .placed(stored)
            case let .refused(limit) where clusterLimits.contains(limit): continue
            case let .refused(limit): return .refused(limit)
            case .conflict: return .conflict
            }
        }
        return .full
    }

    let environment: FleetEnvironment

    /// The kafka as written with its cluster, or `nil` when no ready cluster has room (or another writer moved first).
    func place(_ kafka: KafkaRequest) async throws -> KafkaRequest? {
        let clusters = try await environment.store.clusters(inStatuses: [.ready])
        let placement = try await Self.firstFit(kafka, on: Self.targets(for: kafka, among: clusters)) { placed, limits in
            try await environment.write(placed, over: kafka, limits: limits)
        }
        guard case let .placed(stored) = placement else { return nil }
        return stored
    }
}
