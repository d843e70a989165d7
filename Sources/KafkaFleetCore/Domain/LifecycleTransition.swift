/// What an event comes to in one of the lifecycle machines (`KafkaLifecycle`, `ClusterLifecycle`): the row to write
/// or why there is none, and the actions to carry out besides the write.
public struct LifecycleTransition<Row: Sendable & Hashable, Action: Sendable & Hashable, Refusal: Error & Sendable & Hashable>: Sendable, Hashable {
    /// The row to write, or why there is none.
    public enum Outcome: Sendable, Hashable {
        /// Write this row over the one read (compare-and-set); its status is the new one.
        case move(Row)
        /// Nothing to change; not an error (a report about a move already made, a second delete).
        case stay
        /// Carry out the actions, then soft-delete the row as read.
        case remove
        /// The event is not allowed in the row's status.
        case refuse(Refusal)
    }

    /// The row to write, or why there is none.
    public var outcome: Outcome
    /// What to carry out besides the write, in order.
    public var actions: [Action]

    /// A transition from its parts.
    public init(_ outcome: Outcome, actions: [Action] = []) {
        self.outcome = outcome
        self.actions = actions
    }

    /// The row after the transition: the moved row, or `row` itself when the event moves nothing.
    public func row(from row: Row) -> Row {
        if case let .move(moved) = outcome { return moved }
        return row
    }
}
