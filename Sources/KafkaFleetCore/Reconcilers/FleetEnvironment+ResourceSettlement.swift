import Foundation

/// A resource could not be settled because its row changed on every attempt; the worker's next pass tries again.
struct ResourceSettlementKeptLosing: Error, CustomStringConvertible {
    let rowID: String

    var description: String { "\(rowID) kept changing while a resource created for it was recorded" }
}

extension FleetEnvironment {
    /// How often a resource's recording write is tried again after losing to another writer.
    private static let settlementAttempts = 8

    /// Carries out `ResourceSettlement` for a resource just created (or re-asserted) for kafka `kafkaID`, starting
    /// from `current` (the row the creator holds, `nil` to read it first) and reading the row again after every lost
    /// write. `record` marks the resource on a row, `records` tells whether a row has it, `remove` deletes it from its
    /// provider. Returns the row as last written or read, `nil` when the kafka is soft-deleted (and the resource removed).
    func settle(resourceOf kafkaID: String, from current: KafkaRequest?, records: (KafkaRequest) -> Bool,
                record: (inout KafkaRequest) -> Void, remove: () async throws -> Void) async throws -> KafkaRequest? {
        try await settle(rowID: "kafka \(kafkaID)", from: current, read: { try await store.kafka(id: kafkaID) },
                         conditionalWrite: { try await write($0, over: $1).value }, removerActs: DeletingKafkaReconciler.removesResources(of:),
                         records: records, record: record, remove: remove)
    }

    /// `settle(resourceOf:…)` for a resource of cluster `clusterID`, whose remover is the cluster worker in `cleanup`.
    func settle(resourceOfCluster clusterID: String, from current: DataPlaneCluster?, records: (DataPlaneCluster) -> Bool,
                record: (inout DataPlaneCluster) -> Void, remove: () async throws -> Void) async throws -> DataPlaneCluster? {
        try await settle(rowID: "cluster \(clusterID)", from: current, read: { try await store.cluster(clusterID: clusterID) },
                         conditionalWrite: { try await write($0, over: $1).value }, removerActs: { $0.status == .cleanup },
                         records: records, record: record, remove: remove)
    }

    private func settle<Row: Equatable & Sendable>(
        rowID: String, from current: Row?, read: () async throws -> Row?, conditionalWrite: (Row, Row) async throws -> Row?,
        removerActs: (Row) -> Bool, records: (Row) -> Bool, record: (inout Row) -> Void, remove: () async throws -> Void
    ) async throws -> Row? {
        var row = current
        if row == nil { row = try await read() }
        for _ in 0..<Self.settlementAttempts {
            switch ResourceSettlement.decide(current: row, records: records, removerActs: removerActs) {
            case let .settled(settled):
                return settled
            case .remove:
                logger.info("removing a resource created for a row deleted meanwhile", metadata: ["row": "\(rowID)"])
                try await remove()
                return nil
            case let .record(original):
                var recorded = original
                record(&recorded)
                if let written = try await conditionalWrite(recorded, original) { return written }
                row = try await read()
            }
        }
        throw ResourceSettlementKeptLosing(rowID: rowID)
    }
}
