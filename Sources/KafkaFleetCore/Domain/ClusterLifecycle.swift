/// The data-plane cluster state machine: which status may follow which.
public enum ClusterLifecycle {
    /// The legal transitions, as data.
    public static let transitions: [ClusterStatus: Set<ClusterStatus>] = [
        .accepted: [.provisioning, .failed, .deprovisioning],
        .provisioning: [.provisioned, .failed, .deprovisioning],
        .provisioned: [.waitingForAgent, .failed, .deprovisioning],
        .waitingForAgent: [.ready, .failed, .deprovisioning],
        .ready: [.waitingForAgent, .deprovisioning],
        .failed: [.deprovisioning],
        .deprovisioning: [.ready, .cleanup],
        .cleanup: [],
    ]

    /// Whether a cluster in `current` may move to `next`. Staying in the same status is not a transition.
    public static func canMove(from current: ClusterStatus, to next: ClusterStatus) -> Bool {
        transitions[current, default: []].contains(next)
    }
}
