/// The status of a kafka request, with the reference's wire strings.
public enum KafkaStatus: String, Sendable, Codable, CaseIterable, Hashable {
    case accepted
    case preparing
    case provisioning
    case ready
    case failed
    case deprovision
    case deleting
    case suspending
    case suspended
    case resuming

    /// Statuses a user or admin has asked to delete.
    public static let deletingStatuses: Set<KafkaStatus> = [.deprovision, .deleting]

    /// Statuses whose ManagedKafka is part of a cluster's desired state for its agent.
    public static let sentToAgent: Set<KafkaStatus> = [
        .provisioning, .deprovision, .ready, .failed, .suspended, .suspending, .resuming,
    ]

    /// Statuses in which a kafka may be promoted to another billing model (the promoting worker selects the same).
    public static let promotable: Set<KafkaStatus> = [.ready, .suspended, .resuming]

    /// Whether the kafka still consumes capacity on its data-plane cluster (every status but `deleting`).
    public var consumesCapacity: Bool { self != .deleting }
}
