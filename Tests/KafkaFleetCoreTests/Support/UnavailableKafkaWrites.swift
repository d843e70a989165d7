import Foundation
import KafkaFleetCore

/// A store whose kafka updates (and, when `insertsToo`, inserts) fail as if the database were unreachable; everything
/// else goes to `base`. A failing insert fails after its admission step ran, as when the connection drops between the
/// quota reservation and the insert.
struct UnavailableKafkaWrites: FleetStore {
    let base: any FleetStore
    var insertsToo = false

    func updateKafka(_ kafka: KafkaRequest, expecting expected: KafkaStatus, limits: [AdmissionLimit]) async throws -> WriteOutcome<KafkaRequest> {
        throw StoreError(.unavailable, "connection refused")
    }

    func createKafka(_ kafka: KafkaRequest, limits: [AdmissionLimit],
                     admit: @escaping @Sendable (KafkaRequest) async throws -> Admission) async throws -> WriteOutcome<KafkaRequest> {
        guard insertsToo else { return try await base.createKafka(kafka, limits: limits, admit: admit) }
        _ = try await admit(kafka)
        throw StoreError(.unavailable, "connection refused")
    }
    func kafka(id: String) async throws -> KafkaRequest? { try await base.kafka(id: id) }
    func listKafkas(_ query: KafkaListQuery) async throws -> KafkaPage { try await base.listKafkas(query) }
    func kafkas(inStatuses statuses: Set<KafkaStatus>, limit: Int) async throws -> [KafkaRequest] {
        try await base.kafkas(inStatuses: statuses, limit: limit)
    }
    func kafkas(onCluster clusterID: String, inStatuses statuses: Set<KafkaStatus>) async throws -> [KafkaRequest] {
        try await base.kafkas(onCluster: clusterID, inStatuses: statuses)
    }
    func expiredKafkas(at now: Date, limit: Int) async throws -> [KafkaRequest] { try await base.expiredKafkas(at: now, limit: limit) }
    func kafkasAwaitingPromotion(limit: Int) async throws -> [KafkaRequest] { try await base.kafkasAwaitingPromotion(limit: limit) }
    func countKafkasByStatus() async throws -> [KafkaStatus: Int] { try await base.countKafkasByStatus() }
    func sumKafkas(_ filter: KafkaFilter, measure: AdmissionMeasure) async throws -> Int { try await base.sumKafkas(filter, measure: measure) }
    func softDeleteKafka(_ kafka: KafkaRequest, expecting expected: KafkaStatus, at now: Date) async throws -> Bool {
        try await base.softDeleteKafka(kafka, expecting: expected, at: now)
    }
    func createCluster(_ cluster: DataPlaneCluster) async throws -> DataPlaneCluster { try await base.createCluster(cluster) }
    func cluster(clusterID: String) async throws -> DataPlaneCluster? { try await base.cluster(clusterID: clusterID) }
    func clusters(inStatuses statuses: Set<ClusterStatus>?) async throws -> [DataPlaneCluster] { try await base.clusters(inStatuses: statuses) }
    func updateCluster(_ cluster: DataPlaneCluster, expecting expected: ClusterStatus) async throws -> WriteOutcome<DataPlaneCluster> {
        try await base.updateCluster(cluster, expecting: expected)
    }
    func softDeleteCluster(_ cluster: DataPlaneCluster, expecting expected: ClusterStatus, at now: Date) async throws -> Bool {
        try await base.softDeleteCluster(cluster, expecting: expected, at: now)
    }
    func acquireLease(_ leaseType: String, holder: String, now: Date, duration: Duration) async throws -> Bool {
        try await base.acquireLease(leaseType, holder: holder, now: now, duration: duration)
    }
    func releaseLease(_ leaseType: String, holder: String) async throws { try await base.releaseLease(leaseType, holder: holder) }
    func lease(_ leaseType: String) async throws -> LeaderLease? { try await base.lease(leaseType) }
    func statusEvents(resourceID: String) async throws -> [StatusEvent] { try await base.statusEvents(resourceID: resourceID) }
}
