public import Foundation
public import KafkaFleetCore

/// A `FleetStore` in process memory, with the same semantics as the SQL store: conditional writes,
/// serialised admission limits, soft delete, status events, service accounts.
///
/// Use it to embed the reconcilers (or the API) in a program of your own without a database, and in tests.
/// Nothing survives the process and only one process sees it, so it cannot back several `kafkafleetd` replicas;
/// `kafkafleetd` itself keeps even its embedded default in SQLite, so a fleet survives a restart.
public actor InMemoryFleetStore: FleetStore {
    private var kafkaRows: [String: KafkaRequest] = [:]
    private var clusterRows: [String: DataPlaneCluster] = [:]
    private var leases: [String: LeaderLease] = [:]
    private var events: [StatusEvent] = []
    /// The service accounts by id (see `InMemoryFleetStore+ServiceAccounts.swift`).
    var serviceAccountRows: [String: StoredServiceAccount] = [:]
    /// Whether a write checking limits is under way: a create's admission step is awaited, so the actor alone does
    /// not keep another such write from counting the same room meanwhile.
    private var admitting = false
    private var admissionQueue: [CheckedContinuation<Void, Never>] = []

    /// An empty store.
    public init() {}

    // MARK: kafkas

    public func createKafka(_ kafka: KafkaRequest, limits: [AdmissionLimit],
                            admit: @escaping @Sendable (KafkaRequest) async throws -> Admission) async throws -> WriteOutcome<KafkaRequest> {
        await beginAdmission()
        defer { endAdmission() }
        if kafkaRows.values.contains(where: { $0.deletedAt == nil && $0.organisationID == kafka.organisationID && $0.name == kafka.name }) {
            throw StoreError(.duplicateKafkaName)
        }
        if let broken = limits.first(where: { $0.isBroken(adding: kafka, to: kafkaRows.values) }) {
            return .refused(broken)
        }
        let admission = try await admit(kafka)
        var stored = admission.kafka
        if let broken = admission.limits.first(where: { $0.isBroken(adding: stored, to: kafkaRows.values) }) {
            return .refused(broken)
        }
        stored.revision = 1
        kafkaRows[stored.id] = stored
        record(.kafka, stored.id, from: "", to: stored.status.rawValue, reason: "", at: stored.createdAt)
        return .written(stored)
    }

    /// Waits until no other write checking limits is under way, then marks one under way.
    private func beginAdmission() async {
        guard admitting else {
            admitting = true
            return
        }
        await withCheckedContinuation { admissionQueue.append($0) }
    }

    /// Ends a write checking limits, handing the turn to the next one waiting.
    private func endAdmission() {
        if admissionQueue.isEmpty {
            admitting = false
        } else {
            admissionQueue.removeFirst().resume()
        }
    }

    public func kafka(id: String) -> KafkaRequest? {
        kafkaRows[id].flatMap { $0.deletedAt == nil ? $0 : nil }
    }

    public func listKafkas(_ query: KafkaListQuery) -> KafkaPage {
        let matching = kafkaRows.values.filter { kafka in
            kafka.deletedAt == nil
                && (query.organisationID.map { kafka.organisationID == $0 } ?? true)
                && (query.search?.matches(kafka) ?? true)
        }
        let ordering = query.ordering.isEmpty ? [KafkaOrdering(.name)] : query.ordering
        let sorted = matching.sorted { lhs, rhs in
            for term in ordering {
                let order = Self.compare(lhs, rhs, by: term.column)
                if order != .orderedSame { return term.descending ? order == .orderedDescending : order == .orderedAscending }
            }
            return lhs.id < rhs.id
        }
        let items = Array(sorted.dropFirst(query.offset).prefix(max(0, query.size)))
        return KafkaPage(items: items, total: matching.count)
    }

    public func kafkas(inStatuses statuses: Set<KafkaStatus>, limit: Int) -> [KafkaRequest] {
        Array(kafkaRows.values
            .filter { $0.deletedAt == nil && statuses.contains($0.status) }
            .sorted { ($0.updatedAt, $0.id) < ($1.updatedAt, $1.id) }
            .prefix(limit))
    }

    public func kafkas(onCluster clusterID: String, inStatuses statuses: Set<KafkaStatus>) -> [KafkaRequest] {
        kafkaRows.values
            .filter { $0.deletedAt == nil && $0.clusterID == clusterID && statuses.contains($0.status) }
            .sorted { ($0.createdAt, $0.id) < ($1.createdAt, $1.id) }
    }

    public func expiredKafkas(at now: Date, limit: Int) -> [KafkaRequest] {
        Array(kafkaRows.values
            .filter { kafka in
                kafka.deletedAt == nil && !KafkaStatus.deletingStatuses.contains(kafka.status)
                    && (kafka.expiresAt.map { $0 <= now } ?? false)
            }
            .sorted { ($0.expiresAt ?? now, $0.id) < ($1.expiresAt ?? now, $1.id) }
            .prefix(limit))
    }

    public func kafkasAwaitingPromotion(limit: Int) -> [KafkaRequest] {
        Array(kafkaRows.values
            .filter { kafka in
                kafka.deletedAt == nil && KafkaStatus.promotable.contains(kafka.status)
                    && kafka.actualBillingModel != kafka.desiredBillingModel
                    && kafka.promotionStatus != KafkaPromotionStatus.failed.rawValue
            }
            .sorted { ($0.updatedAt, $0.id) < ($1.updatedAt, $1.id) }
            .prefix(limit))
    }

    public func countKafkasByStatus() -> [KafkaStatus: Int] {
        kafkaRows.values.filter { $0.deletedAt == nil }.reduce(into: [:]) { $0[$1.status, default: 0] += 1 }
    }

    public func sumKafkas(_ filter: KafkaFilter, measure: AdmissionMeasure) -> Int {
        kafkaRows.values.filter(filter.matches).reduce(0) { $0 + measure.weight(of: $1) }
    }

    public func updateKafka(_ kafka: KafkaRequest, expecting expected: KafkaStatus, limits: [AdmissionLimit]) async throws -> WriteOutcome<KafkaRequest> {
        guard !limits.isEmpty else { return try update(kafka, expecting: expected, limits: limits) }
        await beginAdmission()
        defer { endAdmission() }
        return try update(kafka, expecting: expected, limits: limits)
    }

    private func update(_ kafka: KafkaRequest, expecting expected: KafkaStatus, limits: [AdmissionLimit]) throws -> WriteOutcome<KafkaRequest> {
        guard let current = kafkaRows[kafka.id], current.deletedAt == nil,
              current.status == expected, current.revision == kafka.revision
        else { return .conflict }
        if kafka.deletedAt == nil, kafkaRows.values.contains(where: {
            $0.id != kafka.id && $0.deletedAt == nil && $0.organisationID == kafka.organisationID && $0.name == kafka.name
        }) {
            throw StoreError(.duplicateKafkaName)
        }
        if let broken = limits.first(where: { $0.isBroken(adding: kafka, to: kafkaRows.values) }) {
            return .refused(broken)
        }
        var stored = kafka
        stored.revision = current.revision + 1
        kafkaRows[kafka.id] = stored
        if current.status != stored.status {
            record(.kafka, kafka.id, from: current.status.rawValue, to: stored.status.rawValue,
                   reason: stored.status == .failed ? stored.failedReason : "", at: stored.updatedAt)
        }
        return .written(stored)
    }

    public func softDeleteKafka(_ kafka: KafkaRequest, expecting expected: KafkaStatus, at now: Date) -> Bool {
        guard var current = kafkaRows[kafka.id], current.deletedAt == nil,
              current.status == expected, current.revision == kafka.revision
        else { return false }
        current.deletedAt = now
        current.updatedAt = now
        current.revision += 1
        kafkaRows[kafka.id] = current
        record(.kafka, kafka.id, from: current.status.rawValue, to: "deleted", reason: "", at: now)
        return true
    }

    // MARK: clusters

    public func createCluster(_ cluster: DataPlaneCluster) throws -> DataPlaneCluster {
        if clusterRows.values.contains(where: { $0.clusterID == cluster.clusterID }) {
            throw StoreError(.duplicateCluster)
        }
        var stored = cluster
        stored.revision = 1
        clusterRows[cluster.id] = stored
        record(.cluster, cluster.clusterID, from: "", to: cluster.status.rawValue, reason: "", at: cluster.createdAt)
        return stored
    }

    public func cluster(clusterID: String) -> DataPlaneCluster? {
        clusterRows.values.first { $0.clusterID == clusterID && $0.deletedAt == nil }
    }

    public func clusters(inStatuses statuses: Set<ClusterStatus>?) -> [DataPlaneCluster] {
        clusterRows.values
            .filter { $0.deletedAt == nil && (statuses?.contains($0.status) ?? true) }
            .sorted { ($0.createdAt, $0.id) < ($1.createdAt, $1.id) }
    }

    public func updateCluster(_ cluster: DataPlaneCluster, expecting expected: ClusterStatus) -> WriteOutcome<DataPlaneCluster> {
        guard let current = clusterRows[cluster.id], current.deletedAt == nil,
              current.status == expected, current.revision == cluster.revision
        else { return .conflict }
        var stored = cluster
        stored.revision = current.revision + 1
        clusterRows[cluster.id] = stored
        if current.status != stored.status {
            record(.cluster, cluster.clusterID, from: current.status.rawValue, to: stored.status.rawValue, reason: "", at: stored.updatedAt)
        }
        return .written(stored)
    }

    public func softDeleteCluster(_ cluster: DataPlaneCluster, expecting expected: ClusterStatus, at now: Date) -> Bool {
        guard var current = clusterRows[cluster.id], current.deletedAt == nil,
              current.status == expected, current.revision == cluster.revision
        else { return false }
        current.deletedAt = now
        current.revision += 1
        clusterRows[cluster.id] = current
        record(.cluster, cluster.clusterID, from: current.status.rawValue, to: "deleted", reason: "", at: now)
        return true
    }

    // MARK: leases

    public func acquireLease(_ leaseType: String, holder: String, now: Date, duration: Duration) -> Bool {
        if let current = leases[leaseType], current.leader != holder, !current.leader.isEmpty, current.expires > now {
            return false
        }
        leases[leaseType] = LeaderLease(leaseType: leaseType, leader: holder, expires: now.addingTimeInterval(duration.timeInterval))
        return true
    }

    public func releaseLease(_ leaseType: String, holder: String) {
        guard var current = leases[leaseType], current.leader == holder else { return }
        current.leader = ""
        leases[leaseType] = current
    }

    public func lease(_ leaseType: String) -> LeaderLease? { leases[leaseType] }

    // MARK: events

    public func statusEvents(resourceID: String) -> [StatusEvent] {
        events.filter { $0.resourceID == resourceID }
    }

    private func record(_ kind: StatusEvent.ResourceKind, _ id: String, from: String, to: String, reason: String, at: Date) {
        events.append(StatusEvent(id: ResourceID.make(now: at), resourceKind: kind, resourceID: id,
                                  fromStatus: from, toStatus: to, reason: reason, occurredAt: at))
    }

    private static func compare(_ lhs: KafkaRequest, _ rhs: KafkaRequest, by column: KafkaOrderColumn) -> ComparisonResult {
        func order<T: Comparable>(_ a: T, _ b: T) -> ComparisonResult { a < b ? .orderedAscending : (a > b ? .orderedDescending : .orderedSame) }
        switch column {
        case .bootstrapServerHost: return order(lhs.bootstrapServerHost, rhs.bootstrapServerHost)
        case .cloudProvider: return order(lhs.cloudProvider, rhs.cloudProvider)
        case .clusterID: return order(lhs.clusterID, rhs.clusterID)
        case .createdAt: return order(lhs.createdAt, rhs.createdAt)
        case .href, .id: return order(lhs.id, rhs.id)
        case .instanceType: return order(lhs.instanceType, rhs.instanceType)
        case .multiAZ: return order(lhs.multiAZ ? 1 : 0, rhs.multiAZ ? 1 : 0)
        case .name: return order(lhs.name, rhs.name)
        case .organisationID: return order(lhs.organisationID, rhs.organisationID)
        case .owner: return order(lhs.owner, rhs.owner)
        case .reauthenticationEnabled: return order(lhs.reauthenticationEnabled ? 1 : 0, rhs.reauthenticationEnabled ? 1 : 0)
        case .region: return order(lhs.region, rhs.region)
        case .status: return order(lhs.status.rawValue, rhs.status.rawValue)
        case .updatedAt: return order(lhs.updatedAt, rhs.updatedAt)
        case .version: return order(lhs.actualVersions.kafka, rhs.actualVersions.kafka)
        }
    }
}
