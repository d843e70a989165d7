public import Foundation

/// A `FleetStore` that publishes a `FleetChange` after every successful write, so that any writer (API, agent
/// report, reconciler, admin) wakes the workers that care without knowing about them.
public struct NotifyingFleetStore: FleetStore {
    /// The store that persists.
    public let base: any FleetStore
    /// Where changes are published.
    public let changes: any ChangeFeed

    /// Wraps `base`, publishing to `changes`.
    public init(_ base: any FleetStore, changes: any ChangeFeed) {
        self.base = base
        self.changes = changes
    }

    public func createKafka(_ kafka: KafkaRequest, limits: [AdmissionLimit],
                            admit: @escaping @Sendable (KafkaRequest) async throws -> Admission) async throws -> WriteOutcome<KafkaRequest> {
        let outcome = try await base.createKafka(kafka, limits: limits, admit: admit)
        if let stored = outcome.value { await changes.publish(.kafka(stored.status)) }
        return outcome
    }

    public func kafka(id: String) async throws -> KafkaRequest? { try await base.kafka(id: id) }

    public func listKafkas(_ query: KafkaListQuery) async throws -> KafkaPage { try await base.listKafkas(query) }

    public func kafkas(inStatuses statuses: Set<KafkaStatus>, limit: Int) async throws -> [KafkaRequest] {
        try await base.kafkas(inStatuses: statuses, limit: limit)
    }

    public func kafkas(onCluster clusterID: String, inStatuses statuses: Set<KafkaStatus>) async throws -> [KafkaRequest] {
        try await base.kafkas(onCluster: clusterID, inStatuses: statuses)
    }

    public func expiredKafkas(at now: Date, limit: Int) async throws -> [KafkaRequest] {
        try await base.expiredKafkas(at: now, limit: limit)
    }

    public func kafkasAwaitingPromotion(limit: Int) async throws -> [KafkaRequest] {
        try await base.kafkasAwaitingPromotion(limit: limit)
    }

    public func countKafkasByStatus() async throws -> [KafkaStatus: Int] { try await base.countKafkasByStatus() }

    public func sumKafkas(_ filter: KafkaFilter, measure: AdmissionMeasure) async throws -> Int {
        try await base.sumKafkas(filter, measure: measure)
    }

    public func updateKafka(_ kafka: KafkaRequest, expecting expected: KafkaStatus, limits: [AdmissionLimit]) async throws -> WriteOutcome<KafkaRequest> {
        let outcome = try await base.updateKafka(kafka, expecting: expected, limits: limits)
        if let stored = outcome.value { await changes.publish(.kafka(stored.status)) }
        return outcome
    }

    public func softDeleteKafka(_ kafka: KafkaRequest, expecting expected: KafkaStatus, at now: Date) async throws -> Bool {
        try await base.softDeleteKafka(kafka, expecting: expected, at: now)
    }

    public func createCluster(_ cluster: DataPlaneCluster) async throws -> DataPlaneCluster {
        let stored = try await base.createCluster(cluster)
        await changes.publish(.cluster(stored.status))
        return stored
    }

    public func cluster(clusterID: String) async throws -> DataPlaneCluster? { try await base.cluster(clusterID: clusterID) }

    public func clusters(inStatuses statuses: Set<ClusterStatus>?) async throws -> [DataPlaneCluster] {
        try await base.clusters(inStatuses: statuses)
    }

    public func updateCluster(_ cluster: DataPlaneCluster, expecting expected: ClusterStatus) async throws -> WriteOutcome<DataPlaneCluster> {
        let outcome = try await base.updateCluster(cluster, expecting: expected)
        if let stored = outcome.value { await changes.publish(.cluster(stored.status)) }
        return outcome
    }

    public func softDeleteCluster(_ cluster: DataPlaneCluster, expecting expected: ClusterStatus, at now: Date) async throws -> Bool {
        try await base.softDeleteCluster(cluster, expecting: expected, at: now)
    }

    public func acquireLease(_ leaseType: String, holder: String, now: Date, duration: Duration) async throws -> Bool {
        try await base.acquireLease(leaseType, holder: holder, now: now, duration: duration)
    }

    public func releaseLease(_ leaseType: String, holder: String) async throws {
        try await base.releaseLease(leaseType, holder: holder)
    }

    public func lease(_ leaseType: String) async throws -> LeaderLease? { try await base.lease(leaseType) }

    public func statusEvents(resourceID: String) async throws -> [StatusEvent] { try await base.statusEvents(resourceID: resourceID) }
}
