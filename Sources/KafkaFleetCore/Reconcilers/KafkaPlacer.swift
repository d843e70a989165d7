/// Places an unplaced kafka on the first ready cluster that fits and has room, claiming the capacity in the same
/// conditional write. Shared by the accepted reconciler and by re-placement after an agent rejected a kafka.
struct KafkaPlacer {
    let environment: FleetEnvironment

    /// The kafka as written with its cluster, or `nil` when no ready cluster has room (or another writer moved first).
    func place(_ kafka: KafkaRequest) async throws -> KafkaRequest? {
        let clusters = try await environment.store.clusters(inStatuses: [.ready])
        for cluster in ClusterPlacement.candidates(for: kafka, among: clusters) {
            var placed = kafka
            placed.clusterID = cluster.clusterID
            switch try await environment.write(placed, over: kafka, limits: ClusterPlacement.capacityLimits(for: placed, on: cluster)) {
            case let .written(stored): return stored
            case .refused: continue
            case .conflict: return nil
            }
        }
        return nil
    }
}
