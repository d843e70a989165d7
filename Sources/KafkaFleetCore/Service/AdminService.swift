import Foundation

/// A change an operator asks for through the admin API (`PATCH /admin/kafkas/{id}`). Blank strings mean "not given".
public struct AdminKafkaUpdate: Sendable, Hashable {
    /// The Strimzi version to move to.
    public var strimziVersion: String?
    /// The Kafka version to move to.
    public var kafkaVersion: String?
    /// The inter-broker-protocol version to move to.
    public var kafkaIBPVersion: String?
    /// A larger maximum data retention size (Kubernetes quantity).
    public var maxDataRetentionSize: String?
    /// `true` suspends a ready kafka, `false` resumes a suspended one.
    public var suspended: Bool?

    /// An update from its parts.
    public init(strimziVersion: String? = nil, kafkaVersion: String? = nil, kafkaIBPVersion: String? = nil,
                maxDataRetentionSize: String? = nil, suspended: Bool? = nil) {
        self.strimziVersion = strimziVersion
        self.kafkaVersion = kafkaVersion
        self.kafkaIBPVersion = kafkaIBPVersion
        self.maxDataRetentionSize = maxDataRetentionSize
        self.suspended = suspended
    }
}

/// The use cases of the admin API: every organisation's kafkas (list, get, change versions and size, suspend
/// and resume, delete) and the data-plane clusters. Authorisation (roles) is the HTTP layer's.
public struct AdminService: Sendable {
    private let environment: FleetEnvironment
    /// How many times a change is read and written again when other writers keep changing the kafka.
    private static let writeAttempts = 5

    /// A service over `environment`.
    public init(environment: FleetEnvironment) {
        self.environment = environment
    }

    /// A page of kafkas of every organisation, with the public list's parameters and errors.
    public func list(_ parameters: KafkaListParameters) async throws -> KafkaList {
        let page = try parameters.parsedPage()
        let size = try parameters.parsedSize()
        let result = try await environment.store.listKafkas(KafkaListQuery(
            search: try parameters.parsedSearch(), ordering: try parameters.parsedOrdering(), page: max(page, 1), size: size))
        return KafkaList(page: page, size: min(size, result.total), total: result.total, items: result.items)
    }

    /// The kafka with this id, whatever its organisation.
    public func get(id: String) async throws -> KafkaRequest {
        guard let kafka = try await environment.store.kafka(id: id) else {
            throw FleetError(.notFound, "KafkaResource with id='\(id)' not found")
        }
        return kafka
    }

    /// Applies an operator's change after the reference's checks (`KAFKAS-MGMT-37` for an empty or shrinking
    /// change, `KAFKAS-MGMT-8` for a change the kafka's status or cluster does not allow).
    public func update(id: String, with update: AdminKafkaUpdate) async throws -> KafkaRequest {
        func given(_ text: String?) -> String? {
            guard let text = text?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
            return text
        }
        let strimzi = given(update.strimziVersion), kafkaVersion = given(update.kafkaVersion), ibp = given(update.kafkaIBPVersion)
        let size = given(update.maxDataRetentionSize)
        let updated = try await ConflictRetry.run(attempts: Self.writeAttempts) { () async throws -> ConflictRetry.Step<KafkaRequest> in
            let current = try await get(id: id)
            guard strimzi != nil || kafkaVersion != nil || ibp != nil || size != nil || update.suspended != nil else {
                throw FleetError(.fieldValidation, "Field validation failed: no change was given")
            }
            var changed = current
            if let size {
                guard let requested = Quantity.bytes(size) else {
                    throw FleetError(.fieldValidation, "Field validation failed: max_data_retention_size '\(size)' is not a quantity")
                }
                if let existing = Quantity.bytes(current.maxDataRetentionSize), requested < existing {
                    throw FleetError(.fieldValidation, "Field validation failed: max_data_retention_size cannot shrink")
                }
                changed.maxDataRetentionSize = size
            }
            guard current.status != .accepted, current.status != .deleting else {
                throw FleetError(.validation, "kafka in status \(current.status.rawValue) cannot be updated")
            }
            if kafkaVersion != nil && current.kafkaUpgrading || strimzi != nil && current.strimziUpgrading || ibp != nil && current.kafkaIBPUpgrading {
                throw FleetError(.validation, "an upgrade of this kafka is already in progress")
            }
            let target = KafkaVersions(kafka: kafkaVersion ?? current.desiredVersions.kafka, strimzi: strimzi ?? current.desiredVersions.strimzi,
                                       kafkaIBP: ibp ?? current.desiredVersions.kafkaIBP)
            if target != current.desiredVersions {
                try await checkCompatible(target, of: current)
                changed.desiredVersions = target
            }
            if let suspended = update.suspended {
                switch KafkaLifecycle.transition(changed, on: suspended ? .suspendRequested : .resumeRequested).outcome {
                case let .move(row): changed = row
                case .stay, .remove: break
                case .refuse:
                    throw FleetError(.validation, suspended ? "only a ready kafka can be suspended" : "only a suspended kafka can be resumed")
                }
            }
            guard changed != current else { return .finished(current) }
            return try await environment.write(changed, over: current).step()
        }
        guard let updated else { throw FleetError(.general, "the kafka kept changing; try again") }
        return updated
    }

    /// Moves any kafka to `deprovision`; already being deleted changes nothing.
    public func delete(id: String) async throws {
        let done: Void? = try await ConflictRetry.run(attempts: Self.writeAttempts) { () async throws -> ConflictRetry.Step<Void> in
            let current = try await get(id: id)
            guard let outcome = try await environment.writer.apply(.deleteRequested, to: current) else { return .finished(()) }
            return try outcome.step().withoutValue
        }
        guard done != nil else { throw FleetError(.general, "the kafka kept changing; try again") }
    }

    /// Every data-plane cluster, oldest first.
    public func clusters() async throws -> [DataPlaneCluster] {
        try await environment.store.clusters(inStatuses: nil)
    }

    /// The cluster with this `cluster_id`.
    public func cluster(clusterID: String) async throws -> DataPlaneCluster {
        guard let cluster = try await environment.store.cluster(clusterID: clusterID) else {
            throw FleetError(.notFound, "cluster with id='\(clusterID)' not found")
        }
        return cluster
    }

    /// The target versions must be offered by a ready Strimzi of the kafka's cluster, the IBP must not pass the
    /// Kafka version, and the Kafka minor version must not go down.
    private func checkCompatible(_ target: KafkaVersions, of kafka: KafkaRequest) async throws {
        guard let cluster = try await environment.store.cluster(clusterID: kafka.clusterID) else {
            throw FleetError(.validation, "the kafka has no data-plane cluster yet")
        }
        guard let strimzi = cluster.availableStrimziVersions.first(where: { $0.version == target.strimzi && $0.ready }) else {
            throw FleetError(.validation, "strimzi version \(target.strimzi) is not ready on cluster \(cluster.clusterID)")
        }
        guard strimzi.kafkaVersions.contains(target.kafka), strimzi.kafkaIBPVersions.contains(target.kafkaIBP) else {
            throw FleetError(.validation, "strimzi version \(target.strimzi) does not support kafka \(target.kafka) with IBP \(target.kafkaIBP)")
        }
        let kafkaParts = VersionOrdering.numericParts(target.kafka)
        if VersionOrdering.numericParts(target.kafkaIBP).lexicographicallyPrecedes(kafkaParts.prefix(2)) == false,
           VersionOrdering.numericParts(target.kafkaIBP) != Array(kafkaParts.prefix(2)) {
            throw FleetError(.validation, "the IBP version \(target.kafkaIBP) cannot exceed the kafka version \(target.kafka)")
        }
        let actual = VersionOrdering.numericParts(kafka.actualVersions.kafka)
        if !actual.isEmpty, kafkaParts.prefix(2).lexicographicallyPrecedes(actual.prefix(2)) {
            throw FleetError(.validation, "kafka cannot be downgraded below \(kafka.actualVersions.kafka)")
        }
    }
}
