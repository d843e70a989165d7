public import KafkaFleetCore
import SQLKit

extension SQLFleetStore {
    /// The events in insertion order (`seq`).
    public func statusEvents(resourceID: String) async throws -> [StatusEvent] {
        try await reading { db in
            try await db.select().columns(StatusEventRow.columns.map { SQLIdentifier($0) }).from(StatusEventRow.table)
                .where("resource_id", .equal, resourceID)
                .orderBy("seq")
                .readers()
                .map { row throws(StoreError) in try StatusEventRow.decode(row) }
        }
    }
}
