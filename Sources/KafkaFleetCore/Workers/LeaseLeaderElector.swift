public import Foundation
public import Logging
import Metrics
public import ServiceLifecycle
import Synchronization

/// Leader election through the store's lease rows: each worker type is led by whichever replica holds its
/// lease. The elector renews its leases every `renewInterval`; it considers itself leader only until
/// `safetyMargin` before its lease expires, so a replica that cannot renew stops leading before any other
/// replica can take the lease over. (This assumes the replicas' clocks agree within the margin.)
public final class LeaseLeaderElector: LeaderElector, Service {
    private let store: any LeaseStore
    private let holder: String
    private let workerTypes: [String]
    private let leaseDuration: Duration
    private let renewInterval: Duration
    private let safetyMargin: Duration
    private let clock: any WallClock
    private let logger: Logger
    private let validUntil = Mutex<[String: Date]>([:])

    /// An elector for `workerTypes`, holding leases as `holder`.
    public init(
        store: any LeaseStore, holder: String = UUID().uuidString, workerTypes: [String],
        leaseDuration: Duration = .seconds(15), renewInterval: Duration = .seconds(5),
        clock: any WallClock = SystemWallClock(), logger: Logger = Logger(label: "kafkafleet.leases")
    ) {
        self.store = store
        self.holder = holder
        self.workerTypes = workerTypes
        self.leaseDuration = leaseDuration
        self.renewInterval = renewInterval
        self.safetyMargin = min(renewInterval, leaseDuration / 3)
        self.clock = clock
        self.logger = logger
    }

    /// The id this elector holds leases under.
    public var holderID: String { holder }

    public func isLeader(of workerType: String) async -> Bool {
        let now = clock.now()
        return validUntil.withLock { $0[workerType].map { now < $0 } ?? false }
    }

    /// Tries once to take or renew every lease. A failed attempt keeps the validity already earned (the lease
    /// is still ours until it expires); a refusal ends leadership at once.
    public func renewOnce() async {
        for workerType in workerTypes {
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
            if was != isNow {
                logger.info(isNow ? "leading worker" : "stopped leading worker", metadata: ["worker_type": "\(workerType)", "holder": "\(holder)"])
                Gauge(label: "kas_fleet_manager_leader_worker", dimensions: [("worker_type", workerType)]).record(isNow ? 1 : 0)
            }
        }
    }

    /// Gives up every lease this elector holds, so another replica can take over at once.
    public func releaseAll() async {
        validUntil.withLock { $0.removeAll() }
        for workerType in workerTypes {
            try? await store.releaseLease(workerType, holder: holder)
        }
    }

    public func run() async throws {
        let sleeper = ContinuousClock()
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            await renewOnce()
            try? await cancelWhenGracefulShutdown { try await sleeper.sleep(for: self.renewInterval) }
        }
        await releaseAll()
    }
}
