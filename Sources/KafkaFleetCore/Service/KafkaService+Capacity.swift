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

    private func canAccept(_ probe: KafkaRequest) async throws -> Bool {
        do {
            if let limit = try regionLimit(for: probe) { try await precheck(limit, for: probe) }
            _ = try await placementTargets(for: probe)
            return true
        } catch let error as FleetError where error.code == .tooManyKafkaInstancesReached {
            return false
        }
    }
}
