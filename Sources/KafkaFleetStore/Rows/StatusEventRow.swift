import Foundation
import KafkaFleetCore
import SQLKit

/// How a `StatusEvent` maps to a row of `status_events`; `seq` keeps the insertion order.
enum StatusEventRow {
    static let table = "status_events"
    static let columns = ["id", "resource_kind", "resource_id", "from_status", "to_status", "reason", "occurred_at"]
    /// The insert of one event, rendered once (every status change writes one): binds the values of `columns`.
    static let insert = CachedStatement { db in
        db.insert(into: table).columns(columns).values(Array(repeating: SQLBind(""), count: columns.count)).query
    }

    /// Records a transition of `resourceID` within the caller's transaction.
    static func insert(
        _ kind: StatusEvent.ResourceKind, _ resourceID: String, from: String, to: String, reason: String = "",
        at date: Date, on db: StoreDatabase
    ) async throws {
        _ = try await db.rows(insert, binds: [ResourceID.make(now: date), kind.rawValue, resourceID, from, to, reason, date])
    }

    /// The event stored in `row`.
    static func decode(_ r: RowReader) throws(StoreError) -> StatusEvent {
        return StatusEvent(
            id: try r.string("id"), resourceKind: try r.enumValue("resource_kind", as: StatusEvent.ResourceKind.self),
            resourceID: try r.string("resource_id"), fromStatus: try r.string("from_status"),
            toStatus: try r.string("to_status"), reason: try r.string("reason"), occurredAt: try r.date("occurred_at")
        )
    }
}
