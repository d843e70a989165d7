public import Foundation

/// One status transition of a kafka or a cluster, kept as history.
public struct StatusEvent: Sendable, Hashable, Codable {
    /// What kind of resource moved.
    public enum ResourceKind: String, Sendable, Codable {
        /// A kafka request.
        case kafka
        /// A data-plane cluster.
        case cluster
    }

    /// The xid of the event.
    public var id: String
    /// What kind of resource moved.
    public var resourceKind: ResourceKind
    /// The id of the kafka, or the `cluster_id` of the cluster.
    public var resourceID: String
    /// The status before; empty for a creation.
    public var fromStatus: String
    /// The status after.
    public var toStatus: String
    /// A sentence saying why, when there is one (e.g. the failed reason).
    public var reason: String
    /// When it happened.
    public var occurredAt: Date

    /// An event from its parts.
    public init(id: String, resourceKind: ResourceKind, resourceID: String, fromStatus: String, toStatus: String, reason: String, occurredAt: Date) {
        self.id = id
        self.resourceKind = resourceKind
        self.resourceID = resourceID
        self.fromStatus = fromStatus
        self.toStatus = toStatus
        self.reason = reason
        self.occurredAt = occurredAt
    }
}
