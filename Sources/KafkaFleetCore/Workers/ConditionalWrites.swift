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
    /// The writer every kafka write of the reconcilers, the admin service and the agent goes through.
    public var writer: KafkaWriter { KafkaWriter(store: store, clock: clock, logger: logger, observer: observer) }

    /// Writes `updated` over `original` through `writer` (`KafkaWriter.write(_:over:limits:)`).
    public func write(_ updated: KafkaRequest, over original: KafkaRequest, limits: [AdmissionLimit] = []) async throws -> WriteOutcome<KafkaRequest> {
        try await writer.write(updated, over: original, limits: limits)
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
