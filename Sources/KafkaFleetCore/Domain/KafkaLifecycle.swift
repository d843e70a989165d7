/// The kafka state machine: which status may follow which.
///
/// Every writer (API, reconcilers, agent reports, admin) asks `canMove(from:to:)` before it writes, and the
/// store's compare-and-set makes sure the status it read is still the status it replaces.
public enum KafkaLifecycle {
    /// The legal transitions, as data.
    public static let transitions: [KafkaStatus: Set<KafkaStatus>] = [
        .accepted: [.preparing, .failed, .deprovision, .suspending],
        .preparing: [.provisioning, .failed, .deprovision, .suspending],
        .provisioning: [.ready, .failed, .deprovision, .suspending],
        .ready: [.failed, .deprovision, .suspending],
        .failed: [.ready, .deprovision],
        .deprovision: [.deleting],
        .deleting: [],
        .suspending: [.suspended, .deprovision],
        .suspended: [.resuming, .deprovision],
        .resuming: [.ready, .failed, .deprovision, .suspending],
    ]

    /// Whether a kafka in `current` may move to `next`. Staying in the same status is not a transition.
    public static func canMove(from current: KafkaStatus, to next: KafkaStatus) -> Bool {
        transitions[current, default: []].contains(next)
    }
}
