/// One worker of the control plane: it reads the state, moves what it owns one step, and says what it did.
///
/// A reconciler is level-triggered (it acts on what the store says now, not on the event that woke it),
/// idempotent (a second pass over the same state does no harm), and bounded (one pass handles at most one
/// page of items). `ReconcilerService` runs it on wake-ups and on a resync interval.
public protocol Reconciler: Sendable {
    /// The worker type, also the name of its leader lease (the reference's `lease_type`, e.g. `accepted_kafka`).
    var workerType: String { get }
    /// Whether a change may give this reconciler work, so that it runs at once instead of at the next resync.
    func isInterested(in change: FleetChange) -> Bool
    /// One pass over at most one page of work. Errors of single items are reported, not thrown.
    func reconcile() async -> ReconcileReport
}

/// What one pass did.
public struct ReconcileReport: Sendable, Equatable {
    /// How many items the pass looked at.
    public var examined: Int
    /// How many items it moved or changed.
    public var changed: Int
    /// The errors of single items (the pass went on with the next item).
    public var errors: [String]
    /// Whether the page was full, so another pass should follow at once.
    public var pageWasFull: Bool
    /// When an item waiting in backoff should be retried, if any.
    public var retryAfter: Duration?
    /// Whether the pass could not do its work at all (it timed out, say), whatever else the report says.
    public var abandoned: Bool

    /// A report from its parts.
    public init(examined: Int = 0, changed: Int = 0, errors: [String] = [], pageWasFull: Bool = false, retryAfter: Duration? = nil,
                abandoned: Bool = false) {
        self.examined = examined
        self.changed = changed
        self.errors = errors
        self.pageWasFull = pageWasFull
        self.retryAfter = retryAfter
        self.abandoned = abandoned
    }

    /// Whether the pass failed as a whole: it was abandoned, or it reported errors without examining or changing
    /// anything (its page could not be read, typically because the store is unavailable). Such a pass is retried
    /// after a backoff and does not count as progress.
    public var passFailed: Bool { abandoned || (!errors.isEmpty && examined == 0 && changed == 0) }

    /// Whether another pass should follow immediately.
    public var wantsAnotherPass: Bool { pageWasFull && changed > 0 }
}
