/// Says whether this process may run a worker type now, so that each worker runs on exactly one replica.
public protocol LeaderElector: Sendable {
    /// Whether this process leads `workerType` at this moment.
    func isLeader(of workerType: String) async -> Bool

    /// A stream that yields each time this process gains the lead of `workerType` from now on, so that the
    /// worker's service runs a pass at once instead of at its next wake-up or resync. It may finish at once when
    /// leadership never changes.
    func leadershipGains(of workerType: String) -> AsyncStream<Void>
}

extension LeaderElector {
    /// An elector whose leadership never changes announces no gain: the stream finishes at once.
    public func leadershipGains(of workerType: String) -> AsyncStream<Void> {
        AsyncStream { $0.finish() }
    }
}

/// The elector of a single process: it always leads.
public struct AlwaysLeader: LeaderElector {
    /// An elector that always leads.
    public init() {}

    public func isLeader(of workerType: String) async -> Bool { true }
}
