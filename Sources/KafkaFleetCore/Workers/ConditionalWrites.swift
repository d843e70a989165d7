import Foundation

/// A write that the kafka state machine does not allow.
public struct IllegalTransition: Error, Sendable, Hashable, CustomStringConvertible {
    /// The status the kafka is in.
    public var from: String
    /// The status the writer asked for.
    public var to: String

    public var description: String { "a kafka cannot move from \(from) to \(to)" }
}

extension FleetEnvironment {
    /// Writes `updated` over `original` with compare-and-set, stamping `updatedAt` (and `statusChangedAt` when the
    /// status moves). Throws `IllegalTransition` when the state machine forbids the move.
    public func write(_ updated: KafkaRequest, over original: KafkaRequest, limits: [AdmissionLimit] = []) async throws -> WriteOutcome<KafkaRequest> {
        var row = updated
        let now = clock.now()
        row.updatedAt = now
        if row.status != original.status {
            guard KafkaLifecycle.canMove(from: original.status, to: row.status) else {
                throw IllegalTransition(from: original.status.rawValue, to: row.status.rawValue)
            }
            row.statusChangedAt = now
        }
        row.revision = original.revision
        return try await store.updateKafka(row, expecting: original.status, limits: limits)
    }

    /// Moves a kafka to `failed` with a user-readable reason.
    public func fail(_ kafka: KafkaRequest, reason: String) async throws -> WriteOutcome<KafkaRequest> {
        var failed = kafka
        failed.status = .failed
        failed.failedReason = reason
        logger.info("kafka failed", metadata: ["kafka_id": "\(kafka.id)", "reason": "\(reason)"])
        let outcome = try await write(failed, over: kafka)
        if outcome.value != nil { OperationMetrics.kafkaFailed() }
        return outcome
    }

    /// Writes `updated` over `original` with compare-and-set, stamping `updatedAt` (and `statusChangedAt` when the
    /// status moves). Throws `IllegalTransition` when the cluster state machine forbids the move.
    public func write(_ updated: DataPlaneCluster, over original: DataPlaneCluster) async throws -> WriteOutcome<DataPlaneCluster> {
        var row = updated
        let now = clock.now()
        row.updatedAt = now
        if row.status != original.status {
            guard ClusterLifecycle.canMove(from: original.status, to: row.status) else {
                throw IllegalTransition(from: original.status.rawValue, to: row.status.rawValue)
            }
            row.statusChangedAt = now
        }
        row.revision = original.revision
        return try await store.updateCluster(row, expecting: original.status)
    }
}
