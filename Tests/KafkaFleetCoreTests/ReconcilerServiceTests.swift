import Foundation
import KafkaFleetCore
import KafkaFleetLocal
import KafkaFleetTesting
import Synchronization
import Testing

/// A reconciler that counts its passes and is interested in accepted kafkas only.
private final class CountingReconciler: Reconciler {
    let workerType = "counting"
    let passes = EventCount()

    func isInterested(in change: FleetChange) -> Bool { change == .kafka(.accepted) }

    func reconcile() async -> ReconcileReport {
        passes.increment()
        return ReconcileReport()
    }
}

/// A change feed that keeps the interest filters its subscribers register, so a test can ask them directly.
private final class FilterRecordingFeed: ChangeFeed {
    private let base = LocalChangeFeed()
    private let filters = Mutex<[@Sendable (FleetChange) -> Bool]>([])
    let subscribed = EventCount()

    var registered: [@Sendable (FleetChange) -> Bool] { filters.withLock { $0 } }

    func publish(_ change: FleetChange) async { await base.publish(change) }

    func subscribe() -> AsyncStream<FleetChange> { base.subscribe() }

    func wakeUps(when interested: @escaping @Sendable (FleetChange) -> Bool) -> AsyncStream<Void> {
        filters.withLock { $0.append(interested) }
        subscribed.increment()
        return base.wakeUps(when: interested)
    }
}

/// Starts `service` in a task that the returned handle cancels.
private func start(_ service: ReconcilerService) -> Task<Void, any Error> {
    Task { try await service.run() }
}

@Suite("Reconciler service")
struct ReconcilerServiceTests {
    @Test("a published change wakes the reconciler at once, with the clock standing still")
    func wakesOnChange() async throws {
        let feed = LocalChangeFeed()
        let clock = ManualClock()
        let reconciler = CountingReconciler()
        let task = start(ReconcilerService(reconciler: reconciler, changes: feed, resync: .seconds(3600), clock: clock))
        defer { task.cancel() }
        try await reconciler.passes.reached(1, "the initial pass")

        await feed.publish(.kafka(.accepted))

        try await reconciler.passes.reached(2, "a pass after the change")
        #expect(clock.now.offset == .zero, "no time passed: the change woke it, not the resync")
    }

    @Test("the service subscribes with the reconciler's own interest: other changes do not wake it")
    func ignoresOtherChanges() async throws {
        let feed = FilterRecordingFeed()
        let reconciler = CountingReconciler()
        let task = start(ReconcilerService(reconciler: reconciler, changes: feed, resync: .seconds(3600), clock: ManualClock()))
        defer { task.cancel() }
        try await feed.subscribed.reached(1, "the service subscribed to wake-ups")

        let filter = try #require(feed.registered.first)
        #expect(filter(.kafka(.accepted)))
        #expect(!filter(.kafka(.ready)))
        #expect(!filter(.cluster(.ready)))
    }

    @Test("the resync runs a pass every interval and not before")
    func resyncs() async throws {
        let clock = ManualClock()
        let reconciler = CountingReconciler()
        let task = start(ReconcilerService(reconciler: reconciler, changes: LocalChangeFeed(), resync: .seconds(30), clock: clock))
        defer { task.cancel() }
        try await reconciler.passes.reached(1, "the initial pass")
        try await bounded("the resync timer is set") { await clock.sleeping(until: .seconds(30)) }

        clock.advance(by: .seconds(29))
        #expect(reconciler.passes.value == 1)
        clock.advance(by: .seconds(1))

        try await reconciler.passes.reached(2, "the pass of the first resync")
        try await bounded("the resync timer is set again") { await clock.sleeping(until: .seconds(60)) }
        clock.advance(by: .seconds(30))
        try await reconciler.passes.reached(3, "the pass of the second resync")
    }

    @Test("a replica that does not lead runs no pass, however often it is woken")
    func followerIdle() async throws {
        final class NeverLeader: LeaderElector {
            let asked = EventCount()
            func isLeader(of workerType: String) async -> Bool {
                asked.increment()
                return false
            }
        }
        let feed = LocalChangeFeed()
        let reconciler = CountingReconciler()
        let elector = NeverLeader()
        let task = start(ReconcilerService(reconciler: reconciler, changes: feed, elector: elector, resync: .seconds(3600), clock: ManualClock()))
        defer { task.cancel() }
        try await elector.asked.reached(1, "the first wake-up was taken")

        for round in 2...20 {
            await feed.publish(.kafka(.accepted))
            try await elector.asked.reached(round, "wake-up \(round) was taken")
        }

        #expect(reconciler.passes.value == 0)
    }
}

/// A reconciler whose passes are scripted: each pass takes the next behaviour, the last one repeats.
private final class ScriptedReconciler: Reconciler {
    enum Behaviour: Sendable {
        /// Completes with nothing to do.
        case idle
        /// Cannot read its page (the store is unavailable).
        case storeDown
        /// Hangs until cancelled.
        case hang
    }

    let workerType = "scripted"
    let passes = EventCount()
    private let script: [Behaviour]
    /// A stream nobody feeds: a hung pass waits on it until its task is cancelled.
    private let never = AsyncStream<Void>.makeStream()

    init(_ script: [Behaviour]) {
        self.script = script
    }

    func isInterested(in change: FleetChange) -> Bool { false }

    func reconcile() async -> ReconcileReport {
        let index = passes.value
        passes.increment()
        switch script[min(index, script.count - 1)] {
        case .idle:
            return ReconcileReport()
        case .storeDown:
            return ReconcileReport(errors: ["cannot read kafkas: \(StoreError(.unavailable))"])
        case .hang:
            for await _ in never.stream {}
            return ReconcileReport()
        }
    }
}

/// Forwards to an elector and counts how often the service asked whether it leads.
private final class AskCountingElector: LeaderElector {
    let asked = EventCount()
    private let base: any LeaderElector

    init(_ base: any LeaderElector) {
        self.base = base
    }

    func isLeader(of workerType: String) async -> Bool {
        asked.increment()
        return await base.isLeader(of: workerType)
    }

    func leadershipGains(of workerType: String) -> AsyncStream<Void> { base.leadershipGains(of: workerType) }
}

/// Records what an elector reports about leadership.
private final class LeadershipRecorder: FleetObserver {
    private let reports = Mutex<[String: [Bool]]>([:])

    func reported(_ workerType: String) -> [Bool] { reports.withLock { $0[workerType] ?? [] } }

    func leadership(of workerType: String, isLeader: Bool) {
        reports.withLock { $0[workerType, default: []].append(isLeader) }
    }

    func workerPassEnded(workerType: String, duration: Duration, errors: Int) {}
    func kafkaCreated(took: Duration) {}
    func kafkaCreationFailed() {}
    func kafkaDeleted() {}
    func kafkaStatusCounts(_ counts: [KafkaStatus: Int]) {}
}

/// A lease store that can be made to fail every call, as a database that went away.
private final class FlakyLeaseStore: LeaseStore {
    let base: any LeaseStore = InMemoryFleetStore()
    let down = Mutex(false)

    private func check() throws {
        if down.withLock({ $0 }) { throw StoreError(.unavailable) }
    }

    func acquireLease(_ leaseType: String, holder: String, now: Date, duration: Duration) async throws -> Bool {
        try check()
        return try await base.acquireLease(leaseType, holder: holder, now: now, duration: duration)
    }

    func releaseLease(_ leaseType: String, holder: String) async throws {
        try check()
        try await base.releaseLease(leaseType, holder: holder)
    }

    func lease(_ leaseType: String) async throws -> LeaderLease? {
        try check()
        return try await base.lease(leaseType)
    }
}

@Suite("Reconciler service under failures and leadership changes")
struct ReconcilerServiceResilienceTests {
    @Test("a pass that cannot read its page is retried after 0.5 s, then 1 s, until one completes, with no wake-up and no resync")
    func retriesFailedPass() async throws {
        let clock = ManualClock()
        let reconciler = ScriptedReconciler([.storeDown, .storeDown, .idle])
        let progress = WorkerProgress(clock: clock)
        let task = start(ReconcilerService(reconciler: reconciler, changes: LocalChangeFeed(), resync: .seconds(3600), progress: progress,
                                           clock: clock))
        defer { task.cancel() }
        try await reconciler.passes.reached(1, "the first pass, which fails")
        try await bounded("the retry is set") { await clock.sleeping(until: .milliseconds(500)) }

        clock.advance(by: .milliseconds(499))
        #expect(reconciler.passes.value == 1)
        clock.advance(by: .milliseconds(1))
        try await reconciler.passes.reached(2, "the first retry, which fails")
        try await bounded("the second retry is set") { await clock.sleeping(until: .milliseconds(1_500)) }

        clock.advance(by: .milliseconds(999))
        #expect(reconciler.passes.value == 2)
        clock.advance(by: .milliseconds(1))
        try await reconciler.passes.reached(3, "the second retry, which completes")
        #expect(progress.stalled(among: ["scripted"], bound: .seconds(5)).isEmpty)
    }

    @Test("a pass that hangs is abandoned after its bound and the worker goes on")
    func abandonsHungPass() async throws {
        let clock = ManualClock()
        let reconciler = ScriptedReconciler([.hang, .idle])
        let task = start(ReconcilerService(reconciler: reconciler, changes: LocalChangeFeed(), resync: .seconds(3600),
                                           passTimeout: .seconds(60), clock: clock))
        defer { task.cancel() }
        try await reconciler.passes.reached(1, "the pass that hangs")
        try await bounded("the pass bound is set") { await clock.sleeping(until: .seconds(60)) }

        clock.advance(by: .seconds(60))
        try await bounded("the retry after the abandoned pass is set") { await clock.sleeping(until: .milliseconds(60_500)) }
        #expect(reconciler.passes.value == 1)
        clock.advance(by: .milliseconds(500))

        try await reconciler.passes.reached(2, "a second pass after the hung one")
    }

    @Test("a worker whose passes keep failing is reported stalled")
    func failingWorkerStalls() async throws {
        let clock = ManualClock()
        let reconciler = ScriptedReconciler([.storeDown])
        let progress = WorkerProgress(clock: clock)
        let task = start(ReconcilerService(reconciler: reconciler, changes: LocalChangeFeed(), resync: .seconds(3600), progress: progress,
                                           clock: clock))
        defer { task.cancel() }
        try await reconciler.passes.reached(1, "the first pass, which fails")
        #expect(progress.stalled(among: ["scripted"], bound: .seconds(60)).isEmpty, "the worker's clock started with its service")

        // The retries come 0.5 s, 1 s, 2 s, ... apart: at 0.5 s, 1.5 s, 3.5 s, ... 63.5 s.
        var due = Duration.zero
        var delay = Duration.milliseconds(500)
        for retry in 2...8 {
            due += delay
            let next = due
            try await bounded("retry \(retry) is set") { await clock.sleeping(until: next) }
            clock.advance(to: next)
            try await reconciler.passes.reached(retry, "retry \(retry)")
            delay *= 2
        }

        #expect(progress.stalled(among: ["scripted"], bound: .seconds(60)).map(\.workerType) == ["scripted"])
    }

    @Test("gaining a lease wakes the worker at once, with the clock standing still")
    func leaseGainWakes() async throws {
        let store: any FleetStore = InMemoryFleetStore()
        let clock = ManualClock()
        let reconciler = CountingReconciler()
        #expect(try await store.acquireLease(reconciler.workerType, holder: "other", now: Date(), duration: .seconds(15)))
        let elector = LeaseLeaderElector(store: store, holder: "me", workerTypes: [reconciler.workerType], renewInterval: .seconds(5))
        await elector.renewOnce()
        #expect(!(await elector.isLeader(of: reconciler.workerType)))
        let asking = AskCountingElector(elector)
        let task = start(ReconcilerService(reconciler: reconciler, changes: LocalChangeFeed(), elector: asking, resync: .seconds(3600), clock: clock))
        defer { task.cancel() }
        try await asking.asked.reached(1, "the follower has taken its first wake-up")
        #expect(reconciler.passes.value == 0)

        try await store.releaseLease(reconciler.workerType, holder: "other")
        await elector.renewOnce()

        try await reconciler.passes.reached(1, "a pass after the gain")
        #expect(clock.now.offset == .zero, "no time passed: the gain woke it, not the resync")
    }

    @Test("a follower takes a lease as soon as it expires, not at its next renewal")
    func takeoverAtExpiry() async throws {
        let store: any FleetStore = InMemoryFleetStore()
        let wallClock = ManualWallClock()
        let clock = ManualClock()
        #expect(try await store.acquireLease("cluster", holder: "dead", now: wallClock.now(), duration: .milliseconds(800)))
        let elector = LeaseLeaderElector(store: store, holder: "survivor", workerTypes: ["cluster"], leaseDuration: .seconds(90),
                                         renewInterval: .seconds(60), clock: wallClock, waitClock: clock)
        let gained = EventCount()
        let gains = elector.leadershipGains(of: "cluster")
        let watcher = Task {
            for await _ in gains { gained.increment() }
        }
        defer { watcher.cancel() }
        let task = Task { try await elector.run() }
        defer { task.cancel() }
        try await bounded("the survivor waits after its refused round") { await clock.sleepers(atLeast: 1) }
        #expect(!(await elector.isLeader(of: "cluster")))

        wallClock.advance(by: .seconds(1))
        clock.advance(by: .seconds(1))

        try await gained.reached(1, "the survivor gained the lease")
        #expect(try await store.lease("cluster")?.leader == "survivor")
    }

    @Test("a lease that ran out while the store was down is reported lost at the next round")
    func reportsLapsedLease() async throws {
        let store = FlakyLeaseStore()
        let wallClock = ManualWallClock()
        let observer = LeadershipRecorder()
        let elector = LeaseLeaderElector(store: store, holder: "a", workerTypes: ["cluster"], leaseDuration: .seconds(15),
                                         renewInterval: .seconds(5), clock: wallClock, observer: observer)
        await elector.renewOnce()
        #expect(observer.reported("cluster") == [true])

        store.down.withLock { $0 = true }
        await elector.renewOnce()
        wallClock.advance(by: .seconds(20))
        store.down.withLock { $0 = false }
        #expect(try await store.base.acquireLease("cluster", holder: "b", now: wallClock.now(), duration: .seconds(15)))
        await elector.renewOnce()

        #expect(!(await elector.isLeader(of: "cluster")))
        #expect(observer.reported("cluster") == [true, true, false])
    }
}

@Suite("Change feed wake-ups")
struct ChangeFeedWakeUpTests {
    @Test("a wake-up survives a burst of other changes that overflows a change subscriber's buffer")
    func wakeUpSurvivesBurst() async throws {
        let feed = LocalChangeFeed()
        let changes = feed.subscribe()
        let wakeUps = feed.wakeUps { $0 == .kafka(.provisioning) }

        // Given nobody reads yet, when one interesting change is followed by 300 others
        await feed.publish(.kafka(.provisioning))
        for _ in 0..<300 { await feed.publish(.kafka(.accepted)) }

        // Then the change subscriber kept only the newest 256, and lost the interesting one
        var seen: [FleetChange] = []
        for await change in changes {
            seen.append(change)
            if seen.count == 256 { break }
        }
        #expect(!seen.contains(.kafka(.provisioning)))
        // But the wake-up is pending
        let woken = try await Deadline.run(within: .seconds(5), onTimeout: { CancellationError() }) {
            var iterator = wakeUps.makeAsyncIterator()
            return await iterator.next() != nil
        }
        #expect(woken)
    }
}
