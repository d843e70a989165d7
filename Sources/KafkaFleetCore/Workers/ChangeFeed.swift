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
    /// A stream that yields once for any number of changes `interested` accepts, published from now on: a
    /// wake-up signal that coalesces but never drops. A conforming feed yields from within `publish`, before it
    /// returns, so a change published after a write commits always wakes a worker that starts (or is running)
    /// after that.
    func wakeUps(when interested: @escaping @Sendable (FleetChange) -> Bool) -> AsyncStream<Void>
}

extension ChangeFeed {
    /// Wake-ups built on `subscribe()`: a forwarding task filters the changes, so a wake-up may come a little
    /// after `publish` returns, and a subscriber that falls behind a full buffer of changes may miss some.
    /// Feeds that can do better (`LocalChangeFeed`) implement it themselves.
    public func wakeUps(when interested: @escaping @Sendable (FleetChange) -> Bool) -> AsyncStream<Void> {
        let changes = subscribe()
        let (stream, continuation) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
        let forwarding = Task {
            for await change in changes where interested(change) { continuation.yield() }
            continuation.finish()
        }
        continuation.onTermination = { _ in forwarding.cancel() }
        return stream
    }
}

/// A `ChangeFeed` within one process.
///
/// A change subscriber's stream keeps the newest 256 changes its reader has not taken yet; wake-ups are delivered
/// separately, into a stream of one pending signal, from within `publish`, so they can neither lag behind nor be
/// pushed out by a burst of other changes.
public final class LocalChangeFeed: ChangeFeed {
    private struct Waker {
        let interested: @Sendable (FleetChange) -> Bool
        let continuation: AsyncStream<Void>.Continuation
    }

    private let subscribers = Mutex<[Int: AsyncStream<FleetChange>.Continuation]>([:])
    private let wakers = Mutex<[Int: Waker]>([:])
    private let nextID = Atomic<Int>(0)

    /// A feed with no subscribers.
    public init() {}

    public func publish(_ change: FleetChange) async {
        deliver(change)
    }

    /// Delivers a change to local subscribers without awaiting; for adapters that receive changes from elsewhere.
    public func deliver(_ change: FleetChange) {
        let wakers = wakers.withLock { Array($0.values) }
        for waker in wakers where waker.interested(change) { waker.continuation.yield() }
        let targets = subscribers.withLock { Array($0.values) }
        for continuation in targets { continuation.yield(change) }
    }

    public func wakeUps(when interested: @escaping @Sendable (FleetChange) -> Bool) -> AsyncStream<Void> {
        let id = nextID.wrappingAdd(1, ordering: .relaxed).newValue
        let (stream, continuation) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
        continuation.onTermination = { [weak self] _ in
            _ = self?.wakers.withLock { $0.removeValue(forKey: id) }
        }
        wakers.withLock { $0[id] = Waker(interested: interested, continuation: continuation) }
        return stream
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
