import Synchronization

/// Carries `FleetChange`s from whoever writes (API, agent reports, reconcilers) to the workers that react,
/// so that work moves on as soon as the previous step commits instead of on the next timer tick.
///
/// Delivery is best effort: a worker also resyncs on an interval, so a lost signal only delays work.
public protocol ChangeFeed: Sendable {
    /// Announces a change to every subscriber, in this process and (for shared adapters) in other replicas.
    func publish(_ change: FleetChange) async
    /// A stream of the changes published from now on. The stream ends when the subscriber stops iterating.
    func subscribe() -> AsyncStream<FleetChange>
}

/// A `ChangeFeed` within one process.
public final class LocalChangeFeed: ChangeFeed {
    private let subscribers = Mutex<[Int: AsyncStream<FleetChange>.Continuation]>([:])
    private let nextID = Atomic<Int>(0)

    /// A feed with no subscribers.
    public init() {}

    public func publish(_ change: FleetChange) async {
        deliver(change)
    }

    /// Delivers a change to local subscribers without awaiting; for adapters that receive changes from elsewhere.
    public func deliver(_ change: FleetChange) {
        let targets = subscribers.withLock { Array($0.values) }
        for continuation in targets { continuation.yield(change) }
    }

    public func subscribe() -> AsyncStream<FleetChange> {
        let id = nextID.wrappingAdd(1, ordering: .relaxed).newValue
        let (stream, continuation) = AsyncStream<FleetChange>.makeStream(bufferingPolicy: .bufferingNewest(256))
        continuation.onTermination = { [weak self] _ in
            _ = self?.subscribers.withLock { $0.removeValue(forKey: id) }
        }
        subscribers.withLock { $0[id] = continuation }
        return stream
    }
}
