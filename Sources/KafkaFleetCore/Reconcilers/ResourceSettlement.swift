/// What a worker must do about an external resource (a DNS record, an identity client) it has just created or
/// re-asserted for a row (a kafka, a cluster), decided from the row as read after the provider call, when the row
/// may have moved on meanwhile (a DELETE, an agent report, another replica).
///
/// The worker that removes a row's resources (the deleting kafka worker, the cluster worker in `cleanup`) removes
/// what the row it read records, then soft-deletes with compare-and-set on that row's revision. So a resource is
/// removed exactly once when it is recorded on the row, by a write that moves the revision, before the soft delete,
/// or, once the row is soft-deleted, by the worker that created it.
enum ResourceSettlement<Row: Equatable & Sendable>: Equatable, Sendable {
    /// Nothing to do: the row records the resource and no remover can have acted on it yet.
    case settled(Row)
    /// Write this row, status kept, with the resource recorded. The write moves the revision, so a remover that read
    /// the row before it (and may have removed the resource before it was created again) fails its soft delete,
    /// reads again and removes the resource.
    case record(Row)
    /// The row is soft-deleted: its remover cannot have removed this resource; the creator removes it.
    case remove

    /// The settlement for `current`, the row as read (`nil` when soft-deleted); `records` tells whether a row records
    /// the resource, `removerActs` whether the remover works on a row in this state.
    static func decide(current: Row?, records: (Row) -> Bool, removerActs: (Row) -> Bool) -> ResourceSettlement {
        guard let current else { return .remove }
        if removerActs(current) || !records(current) { return .record(current) }
        return .settled(current)
    }
}
