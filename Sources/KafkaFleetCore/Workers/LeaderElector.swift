/// Says whether this process may run a worker type now, so that each worker runs on exactly one replica.
public protocol LeaderElector: Sendable {
    /// Whether this process leads `workerType` at this moment.
    func isLeader(of workerType: String) async -> Bool
}

/// The elector of a single process: it always leads.
public struct AlwaysLeader: LeaderElector {
    /// An elector that always leads.
    public init() {}

    public func isLeader(of workerType: String) async -> Bool { true }
}
