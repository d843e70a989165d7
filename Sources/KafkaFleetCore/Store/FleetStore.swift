public import Foundation

/// Persistence of kafka requests.
///
/// Every write is conditional: it names the status it expects and carries the revision it read, and the
/// store refuses it with `.conflict` when another writer moved first. A status change also records a
/// `StatusEvent` in the same step. Deleted rows (`deletedAt` set) are invisible to every read.
public protocol KafkaStore: Sendable {
    /// Inserts a new kafka in one step, under the admission lock: its name is checked free in its organisation, then
    /// `limits` in order, then `admit` runs (the quota reservation: it refuses by throwing, or completes the row and
    /// names limits of its own), then those limits, then the insert. `admit` runs only when the name and `limits`
    /// hold; when it throws, nothing is written and its error is rethrown as it is. Throws
    /// `StoreError(.duplicateKafkaName)` when the name is taken.
    func createKafka(_ kafka: KafkaRequest, limits: [AdmissionLimit],
                     admit: @escaping @Sendable (KafkaRequest) async throws -> Admission) async throws -> WriteOutcome<KafkaRequest>
    /// The kafka with this id, if it exists and is not deleted.
    func kafka(id: String) async throws -> KafkaRequest?
    /// A page of kafkas, filtered and ordered.
    func listKafkas(_ query: KafkaListQuery) async throws -> KafkaPage
    /// Up to `limit` kafkas in any of `statuses`, least recently changed first.
    func kafkas(inStatuses statuses: Set<KafkaStatus>, limit: Int) async throws -> [KafkaRequest]
    /// The kafkas placed on a cluster in any of `statuses`.
    func kafkas(onCluster clusterID: String, inStatuses statuses: Set<KafkaStatus>) async throws -> [KafkaRequest]
    /// Up to `limit` kafkas whose `expiresAt` is at or before `now` and that are not yet being deleted.
    func expiredKafkas(at now: Date, limit: Int) async throws -> [KafkaRequest]
    /// Up to `limit` kafkas with a promotion to carry out: desired billing model different from the actual one,
    /// promotion not `failed`, status `ready`, `suspended` or `resuming`; least recently updated first.
    func kafkasAwaitingPromotion(limit: Int) async throws -> [KafkaRequest]
    /// How many non-deleted kafkas are in each status (statuses with none are absent).
    func countKafkasByStatus() async throws -> [KafkaStatus: Int]
    /// The weight of the kafkas matching `filter`.
    func sumKafkas(_ filter: KafkaFilter, measure: AdmissionMeasure) async throws -> Int
    /// Replaces the kafka if it is still in `expected` at `kafka.revision` and every limit holds.
    /// Throws `StoreError(.duplicateKafkaName)` when it would take a name another kafka of its organisation has.
    func updateKafka(_ kafka: KafkaRequest, expecting expected: KafkaStatus, limits: [AdmissionLimit]) async throws -> WriteOutcome<KafkaRequest>
    /// Soft-deletes the kafka if it is still in `expected` at `kafka.revision`. Returns whether it did.
    func softDeleteKafka(_ kafka: KafkaRequest, expecting expected: KafkaStatus, at now: Date) async throws -> Bool
}

/// Persistence of data-plane clusters, with the same conditional writes as kafkas.
public protocol ClusterStore: Sendable {
    /// Inserts a new cluster. Throws `StoreError(.duplicateCluster)` when its `clusterID` is taken.
    func createCluster(_ cluster: DataPlaneCluster) async throws -> DataPlaneCluster
    /// The cluster with this `cluster_id`, if it exists and is not deleted.
    func cluster(clusterID: String) async throws -> DataPlaneCluster?
    /// The non-deleted clusters in any of `statuses` (all when `nil`), oldest first.
    func clusters(inStatuses statuses: Set<ClusterStatus>?) async throws -> [DataPlaneCluster]
    /// Replaces the cluster if it is still in `expected` at `cluster.revision`.
    func updateCluster(_ cluster: DataPlaneCluster, expecting expected: ClusterStatus) async throws -> WriteOutcome<DataPlaneCluster>
    /// Soft-deletes the cluster if it is still in `expected` at `cluster.revision`. Returns whether it did.
    func softDeleteCluster(_ cluster: DataPlaneCluster, expecting expected: ClusterStatus, at now: Date) async throws -> Bool
}

/// Leader leases: one holder per worker type at a time.
public protocol LeaseStore: Sendable {
    /// Takes or renews the lease of `leaseType` for `holder` until `now + duration`, if it is free, expired or
    /// already held by `holder`. Returns whether `holder` now holds it. A compare-and-set: two callers can never both win.
    func acquireLease(_ leaseType: String, holder: String, now: Date, duration: Duration) async throws -> Bool
    /// Gives up the lease if `holder` holds it, so another replica can take it at once.
    func releaseLease(_ leaseType: String, holder: String) async throws
    /// The lease of `leaseType`, if one was ever taken.
    func lease(_ leaseType: String) async throws -> LeaderLease?
}

/// The status history of kafkas and clusters.
public protocol StatusEventStore: Sendable {
    /// The events of one kafka (by id) or cluster (by `cluster_id`), oldest first.
    func statusEvents(resourceID: String) async throws -> [StatusEvent]
}

/// Everything the control plane persists.
public protocol FleetStore: KafkaStore, ClusterStore, LeaseStore, StatusEventStore {}
