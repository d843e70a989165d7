extension KafkaService {
    /// The sizes of an instance type a region can still take, smallest first, stopping at the first size that
    /// no longer fits the region's limit or any data-plane cluster (what `GET …/regions` shows as capacity).
    public func availableSizes(provider: String, region: String, instanceType: InstanceTypeConfig) async throws -> [String] {
        var available: [String] = []
        for size in instanceType.sizes {
            let probe = KafkaRequest(
                id: "", name: "", owner: "", organisationID: "", cloudProvider: provider, region: region,
                instanceType: instanceType.id, sizeID: size.id, multiAZ: instanceType.id != InstanceTypeID.developer,
                capacityUnits: size.capacityConsumed, quotaUnits: size.quotaConsumed, now: clock.now())
            guard try await canAccept(probe) else { break }
            available.append(size.id)
        }
        return available
    }

    /// Whether the probe would be accepted now, read outside any transaction: an estimate for the capacity view (a
    /// create checks the same limits in its insert's step).
    private func canAccept(_ probe: KafkaRequest) async throws -> Bool {
        do {
            if let limit = try regionLimit(for: probe), try await !fits(probe, under: limit) { return false }
        } catch let error as FleetError where error.code == .tooManyKafkaInstancesReached {
            return false
        }
        let clusters = try await clusters(for: probe)
        for cluster in KafkaPlacer.targets(for: probe, among: clusters) {
            var placed = probe
            placed.clusterID = cluster.clusterID
            var fitsAll = true
            for limit in ClusterPlacement.capacityLimits(for: placed, on: cluster) {
                if try await !fits(placed, under: limit) {
                    fitsAll = false
                    break
                }
            }
            if fitsAll { return true }
        }
        return Self.mayWaitForCluster(probe, among: clusters)
    }

    /// Whether `kafka` fits under `limit` with the kafkas stored now.
    private func fits(_ kafka: KafkaRequest, under limit: AdmissionLimit) async throws -> Bool {
        try await store.sumKafkas(limit.filter, measure: limit.measure) + limit.measure.weight(of: kafka) <= limit.maximum
    }
}
