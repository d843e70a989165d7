import Foundation

/// Moves accepted kafkas to `preparing`: places each on a ready cluster with room (unless the API placed it
/// already) and copies the cluster's newest ready Strimzi, Kafka and IBP versions into the desired versions.
/// A kafka that finds no room within the placement timeout, or whose cluster reports no ready Strimzi version
/// within that timeout, fails with the reference's reason.
public struct AcceptedKafkaReconciler: Reconciler {
    public let workerType = "accepted_kafka"
    private let environment: FleetEnvironment
    private let backoff: ItemBackoff

    /// A reconciler over `environment`.
    public init(environment: FleetEnvironment, backoff: ItemBackoff = ItemBackoff()) {
        self.environment = environment
        self.backoff = backoff
    }

    public func isInterested(in change: FleetChange) -> Bool {
        change == .kafka(.accepted) || change == .cluster(.ready)
    }

    public func reconcile() async -> ReconcileReport {
        await KafkaPassRunner(environment: environment, backoff: backoff).run(
            page: { try await environment.store.kafkas(inStatuses: [.accepted], limit: environment.settings.pageSize) },
            advance: advance
        )
    }

    private func advance(_ original: KafkaRequest, now: Date) async throws -> Bool {
        var kafka = original
        let settings = environment.settings
        if kafka.clusterID.isEmpty {
            guard let placed = try await KafkaPlacer(environment: environment).place(kafka) else {
                guard kafka.age(at: now) >= settings.placementTimeout else { return false }
                let size = kafka.sizeID
                let reason = "Region \(kafka.region) in cloud provider \(kafka.cloudProvider) cannot accept \(kafka.instanceType) Kafka of size \(size) at the moment."
                return try await environment.fail(kafka, reason: reason).value != nil
            }
            kafka = placed
        }
        guard let cluster = try await environment.store.cluster(clusterID: kafka.clusterID) else {
            throw FleetError(.general, "cluster \(kafka.clusterID) of kafka \(kafka.id) does not exist")
        }
        guard let versions = cluster.availableStrimziVersions.latestReadyVersions else {
            guard kafka.age(at: now) >= settings.strimziVersionTimeout else { return kafka != original }
            return try await environment.fail(kafka, reason: "Failed to get desired Strimzi version").value != nil
        }
        var preparing = kafka
        preparing.desiredVersions = versions
        preparing.status = .preparing
        return try await environment.write(preparing, over: kafka).value != nil || kafka != original
    }
}
