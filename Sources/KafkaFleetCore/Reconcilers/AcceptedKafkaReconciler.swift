public import Foundation

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
        if kafka.clusterID.isEmpty, let placed = try await KafkaPlacer(environment: environment).place(kafka) {
            kafka = placed
        }
        var cluster: DataPlaneCluster?
        if !kafka.clusterID.isEmpty {
            cluster = try await environment.store.cluster(clusterID: kafka.clusterID)
            guard cluster != nil else { throw FleetError(.general, "cluster \(kafka.clusterID) of kafka \(kafka.id) does not exist") }
        }
        guard let event = Self.event(for: kafka, placedOn: cluster, now: now, settings: environment.settings) else {
            return kafka != original
        }
        return try await environment.writer.apply(event, to: kafka)?.value != nil || kafka != original
    }

    /// What an accepted kafka calls for at `now`, or `nil` to wait: `cluster` is the cluster it is placed on, `nil`
    /// when no ready cluster had room for it. It is prepared with the cluster's newest ready versions, and fails when
    /// it waited for room past the placement timeout or for a ready Strimzi past the Strimzi version timeout.
    public static func event(for kafka: KafkaRequest, placedOn cluster: DataPlaneCluster?, now: Date,
                             settings: ReconcilerSettings) -> KafkaLifecycle.Event? {
        guard let cluster else {
            guard kafka.age(at: now) >= settings.placementTimeout else { return nil }
            return .failed(reason: "Region \(kafka.region) in cloud provider \(kafka.cloudProvider) cannot accept "
                + "\(kafka.instanceType) Kafka of size \(kafka.sizeID) at the moment.")
        }
        guard let versions = cluster.availableStrimziVersions.latestReadyVersions else {
            guard kafka.age(at: now) >= settings.strimziVersionTimeout else { return nil }
            return .failed(reason: "Failed to get desired Strimzi version")
        }
        return .prepared(versions: versions)
    }
}
