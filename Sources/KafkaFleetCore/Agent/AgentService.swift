import Foundation

/// The control plane's side of the agent protocol: who an agent is, what it should run, and what its reports
/// change. The HTTP layer only decodes, calls this, and encodes.
public struct AgentService: Sendable {
    private let environment: FleetEnvironment
    private let builder: ManagedKafkaBuilder
    private let settings: AgentSettings

    /// A service over `environment`.
    public init(environment: FleetEnvironment, settings: AgentSettings) {
        self.environment = environment
        self.settings = settings
        self.builder = ManagedKafkaBuilder(instanceTypes: environment.instanceTypes, settings: settings)
    }

    /// The cluster `clusterID` if the token's `clientId` names its agent. An unknown cluster, an empty or another
    /// client id are all `FleetError(.notFound)`, so that callers cannot tell which clusters exist.
    public func authorize(clusterID: String, clientID: String) async throws -> DataPlaneCluster {
        guard !clientID.isEmpty, let cluster = try await environment.store.cluster(clusterID: clusterID),
              cluster.clientID == clientID
        else { throw FleetError(.notFound, "Resource not found") }
        return cluster
    }

    /// What the agent is told about its cluster.
    public func agentConfiguration(of cluster: DataPlaneCluster) -> DataplaneClusterAgentConfig {
        let capacity = cluster.capacity.filter { $0.value.maxNodes > 0 }.mapValues {
            DataplaneClusterAgentConfig.NodeCapacity(maxNodes: $0.maxNodes)
        }
        return DataplaneClusterAgentConfig(spec: .init(
            net: .init(private: cluster.accessKafkasViaPrivateNetwork),
            capacity: capacity.isEmpty ? nil : capacity,
            observability: .init(accessToken: "", channel: settings.observabilityChannel,
                                 repository: settings.observabilityRepository, tag: settings.observabilityTag)
        ))
    }

    /// The kafkas the agent should run or remove: those placed on its cluster that have a bootstrap host and are
    /// in a status the agent owns.
    public func desiredKafkas(of cluster: DataPlaneCluster) async throws -> ManagedKafkaList {
        let kafkas = try await environment.store.kafkas(onCluster: cluster.clusterID, inStatuses: KafkaStatus.sentToAgent)
        return ManagedKafkaList(items: try kafkas.filter { !$0.bootstrapServerHost.isEmpty }.map(builder.build))
    }

    /// Applies the agent's kafka reports; entries for unknown kafkas, for other clusters' kafkas and for reserved
    /// placeholders are skipped. Returns the errors of single entries, which the reference answers 200 regardless.
    /// Unlike the reference, when an entry could not be stored because the database is unavailable the whole report
    /// fails with `StoreError.unavailable` (503 to the agent) after the other entries are applied, so that the agent
    /// sends it again instead of the report being lost.
    @discardableResult
    public func applyKafkaStatuses(_ statuses: [String: DataPlaneKafkaStatus], from cluster: DataPlaneCluster) async throws -> [String] {
        var errors: [String] = []
        var unavailable = 0
        for (id, status) in statuses.sorted(by: { $0.key < $1.key }) where !id.hasPrefix("reserved-") {
            do {
                try await KafkaReportApplier(environment: environment, cluster: cluster).apply(status, toKafka: id)
            } catch {
                errors.append("kafka \(id): \(error)")
                if let error = error as? StoreError, error.code == .unavailable { unavailable += 1 }
                environment.logger.warning("cannot apply kafka status", metadata: ["kafka_id": "\(id)", "error": "\(error)"])
            }
        }
        if unavailable > 0 { throw StoreError(.unavailable, "\(unavailable) kafka statuses could not be stored") }
        return errors
    }

    /// Applies the agent's cluster report: Ready makes a waiting cluster ready and records its capacity and
    /// Strimzi versions; not Ready sends a ready cluster back to waiting. Throws `FleetError(.fieldValidation)` for
    /// a malformed Strimzi list.
    public func applyClusterStatus(_ report: DataPlaneClusterStatus, from cluster: DataPlaneCluster) async throws {
        for (index, strimzi) in (report.strimzi ?? []).enumerated() {
            if strimzi.version.isEmpty { throw FleetError(.fieldValidation, "Field validation failed: .status.strimzi[\(index)].version cannot be empty") }
            if strimzi.kafkaVersions?.isEmpty ?? true { throw FleetError(.fieldValidation, "Field validation failed: .status.strimzi[\(index)].kafkaVersions cannot be empty") }
            if strimzi.kafkaIbpVersions?.isEmpty ?? true { throw FleetError(.fieldValidation, "Field validation failed: .status.strimzi[\(index)].kafkaIbpVersions cannot be empty") }
        }
        var current = cluster
        _ = try await ConflictRetry.run(attempts: 5) { () async throws -> ConflictRetry.Step<Void> in
            guard current.status.acceptsAgentReports else { return .finished(()) }
            let ready = report.conditions?.first { $0.type == "Ready" }.flatMap { Self.parseBool($0.status) } ?? false
            var updated = current
            if ready {
                for type in Set(updated.supportedInstanceTypes).union(updated.capacity.keys) {
                    guard let reported = report.capacity?[type] else { continue }
                    var capacity = updated.capacity[type] ?? ClusterCapacity()
                    capacity.maxUnits = reported.maxUnits ?? 0
                    capacity.remainingUnits = reported.remainingUnits ?? 0
                    updated.capacity[type] = capacity
                }
                if let strimzi = report.strimzi, !strimzi.isEmpty {
                    updated.availableStrimziVersions = VersionOrdering.sorted(strimzi.map {
                        StrimziVersion(version: $0.version, ready: $0.ready, kafkaVersions: $0.kafkaVersions ?? [], kafkaIBPVersions: $0.kafkaIbpVersions ?? [])
                    })
                }
            }
            updated = ClusterLifecycle.transition(updated, on: ready ? .agentReportedReady : .agentReportedNotReady).row(from: updated)
            guard updated != current else { return .finished(()) }
            switch try await environment.write(updated, over: current) {
            case .written, .refused: return .finished(())
            case .conflict:
                guard let reread = try await environment.store.cluster(clusterID: cluster.clusterID) else { return .finished(()) }
                current = reread
                return .lostRace
            }
        }
    }

    /// Go's boolean literals, as the reference parses the Ready status.
    static func parseBool(_ text: String?) -> Bool? {
        switch text {
        case "1", "t", "T", "true", "TRUE", "True": true
        case "0", "f", "F", "false", "FALSE", "False": false
        default: nil
        }
    }
}
