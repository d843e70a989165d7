public import Foundation

/// Who leads one worker type, and until when.
public struct LeaderLease: Sendable, Hashable, Codable {
    /// The worker type the lease is for, e.g. `accepted_kafka`.
    public var leaseType: String
    /// The holder's id; empty when nobody holds it.
    public var leader: String
    /// When the lease ends unless renewed.
    public var expires: Date

    /// A lease from its parts.
    public init(leaseType: String, leader: String, expires: Date) {
        self.leaseType = leaseType
        self.leader = leader
        self.expires = expires
    }
}
