public import Foundation
public import Logging
public import ServiceLifecycle
import Synchronization

/// Leader election through the store's lease rows: each worker type is led by whichever replica holds its
/// lease. The elector renews its leases every `renewInterval`; it considers itself leader only until
/// `safetyMargin` before its lease expires, so a replica that cannot renew stops leading before any other
/// replica can take the lease over. (This assumes the replicas' clocks agree within the margin.)
///
/// A replica that was refused a lease reads when it expires and tries again right then rather than at its next
/// renewal, so a worker whose leader died moves to another replica as soon as the lease runs out; each gain is
/// announced through `leadershipGains(of:)`, so the worker runs a pass at once.
///
/// After every round it reports to its observer whether it leads each worker, so the leader gauge cannot go on
/// showing a lease that ran out while the store was unreachable.
public final class LeaseLeaderElector: LeaderElector, Service {
    private let store: any LeaseStore
    private let holder: String
    private let workerTypes: [String]
    private let leaseDuration: Duration
    private let renewInterval: Duration
    private let safetyMargin: Duration
    private let clock: any WallClock
    private let waitClock: any Clock<Duration>
    private let observer: any FleetObserver
    private let logger: Logger
    private let validUntil = Mutex<[String: Date]>([:])
    /// Whether this elector led each worker type when it last said so (in its log and to its observer).
    private let announced = Mutex<[String: Bool]>([:])
    /// When the leases other replicas hold run out, as last read: the next attempt is due then.
    private let othersExpire = Mutex<[String: Date]>([:])
    private let gainSubscribers = Mutex<[String: [Int: AsyncStream<Void>.Continuation]]>([:])
    private let nextSubscriberID = Atomic<Int>(0)

    /// An elector for `workerTypes`, holding leases as `holder`. Lease times are read from `clock` (they are
    /// compared with other replicas' through the store); the waits between rounds are measured on `waitClock`.
    public init(
        store: any LeaseStore, holder: String = UUID().uuidString, workerTypes: [String],
        leaseDuration: Duration = .seconds(15), renewInterval: Duration = .seconds(5),
        clock: any WallClock = SystemWallClock(), waitClock: any Clock<Duration> = ContinuousClock(),
        observer: any FleetObserver = NoFleetObserver(), logger: Logger = Logger(label: "kafkafleet.leases")
    ) {
        self.store = store
        self.holder = holder
        self.workerTypes = workerTypes
        self.leaseDuration = leaseDuration
        self.renewInterval = renewInterval
        self.safetyMargin = min(renewInterval, leaseDuration / 3)
        self.clock = clock
        self.waitClock = waitClock
        self.observer = observer
        self.logger = logger
    }

    /// The id this elector holds leases under.
    public var holderID: String { holder }

    public func isLeader(of workerType: String) async -> Bool {
        let now = clock.now()
        return validUntil.withLock { $0[workerType].map { now < $0 } ?? false }
    }

    public func leadershipGains(of workerType: String) -> AsyncStream<Void> {
        let id = nextSubscriberID.wrappingAdd(1, ordering: .relaxed).newValue
        let (stream, continuation) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
        continuation.onTermination = { [weak self] _ in
            _ = self?.gainSubscribers.withLock { $0[workerType]?.removeValue(forKey: id) }
        }
        gainSubscribers.withLock { $0[workerType, default: [:]][id] = continuation }
        return stream
    }

    /// Tries once to take or renew every lease, all at once (so a round takes one store call's time, not one per
    /// worker, when the database does not answer). A failed attempt keeps the validity already earned (the lease
    /// is still ours until it expires); a refusal ends leadership at once.
    public func renewOnce() async {
        await withTaskGroup(of: Void.self) { group in
            for workerType in workerTypes {
                group.addTask { await self.renew(workerType) }
            }
        }
    }

    private func renew(_ workerType: String) async {
        let start = clock.now()
        let held: Bool?
        do {
            held = try await store.acquireLease(workerType, holder: holder, now: start, duration: leaseDuration)
        } catch {
            logger.warning("cannot renew lease", metadata: ["worker_type": "\(workerType)", "error": "\(error)"])
            held = nil
        }
        let until = start.addingTimeInterval((leaseDuration - safetyMargin).timeInterval)
        let now = clock.now()
        let (was, isNow) = validUntil.withLock { leases -> (Bool, Bool) in
            let was = leases[workerType].map { now < $0 } ?? false
            switch held {
            case true?: leases[workerType] = until
            case false?: leases.removeValue(forKey: workerType)
            case nil: break
            }
            return (was, leases[workerType].map { now < $0 } ?? false)
        }
        if isNow && !was {
            for subscriber in gainSubscribers.withLock({ Array(($0[workerType] ?? [:]).values) }) { subscriber.yield() }
        }
        announce(workerType, isLeader: isNow)
        await noteExpiry(of: workerType, refused: held == false)
    }

    /// Tells the observer whether this elector leads `workerType`, and logs when that differs from what it last
    /// said: a lease that ran out between rounds shows up at the next round, even though no round saw it end.
    private func announce(_ workerType: String, isLeader: Bool) {
        let changed = announced.withLock { announced in
            defer { announced[workerType] = isLeader }
            return (announced[workerType] ?? false) != isLeader
        }
        if changed {
            logger.info(isLeader ? "leading worker" : "stopped leading worker", metadata: ["worker_type": "\(workerType)", "holder": "\(holder)"])
        }
        observer.leadership(of: workerType, isLeader: isLeader)
    }

    /// Remembers when another replica's lease of `workerType` runs out, after a refusal; forgets it otherwise.
    private func noteExpiry(of workerType: String, refused: Bool) async {
        guard refused else {
            othersExpire.withLock { _ = $0.removeValue(forKey: workerType) }
            return
        }
        let expires = try? await store.lease(workerType)?.expires
        othersExpire.withLock { $0[workerType] = expires }
    }

    /// How long to wait before the next round: the renewal interval, or less when a lease another replica holds
    /// runs out sooner (plus a few milliseconds, so the attempt lands after the expiry).
    private func delayBeforeNextRound() -> Duration {
        let now = clock.now()
        guard let soonest = othersExpire.withLock({ $0.values.min() }) else { return renewInterval }
        // Clamped before the conversion, so an absurd expiry read from the database cannot overflow it.
        let seconds = min(max(0, soonest.timeIntervalSince(now)), renewInterval.timeInterval)
        return min(renewInterval, .milliseconds(Int64(seconds * 1000) + 20))
    }

    /// Gives up every lease this elector holds (all at once), so another replica can take over at once.
    public func releaseAll() async {
        validUntil.withLock { $0.removeAll() }
        for workerType in workerTypes { announce(workerType, isLeader: false) }
        for subscribers in gainSubscribers.withLock({ $0.values.map { Array($0.values) } }) {
            for subscriber in subscribers { subscriber.finish() }
        }
        await withTaskGroup(of: Void.self) { group in
            for workerType in workerTypes {
                group.addTask { try? await self.store.releaseLease(workerType, holder: self.holder) }
            }
        }
    }

    public func run() async throws {
        let waitClock = waitClock
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            await renewOnce()
            let delay = delayBeforeNextRound()
            try? await cancelWhenGracefulShutdown { try await waitClock.sleep(for: delay) }
        }
        await releaseAll()
    }
}
