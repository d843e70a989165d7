import Foundation
import KafkaFleetCore
import KafkaFleetTesting
import Synchronization
import Testing

/// A reconciler that counts its passes and is interested in accepted kafkas only.
private final class CountingReconciler: Reconciler {
    let workerType = "counting"
    let passes = Mutex(0)

    func isInterested(in change: FleetChange) -> Bool { change == .kafka(.accepted) }

    func reconcile() async -> ReconcileReport {
        passes.withLock { $0 += 1 }
        return ReconcileReport()
    }
}

/// A `LocalChangeFeed` that records each published change the subscriber's wake-up filter accepted.
private final class WakeRecordingFeed: ChangeFeed {
    private let base = LocalChangeFeed()
    private let accepted = Mutex<[FleetChange]>([])

    /// The changes that woke a subscriber, in order.
    var wokenBy: [FleetChange] { accepted.withLock { $0 } }

    func publish(_ change: FleetChange) async { await base.publish(change) }

    func subscribe() -> AsyncStream<FleetChange> { base.subscribe() }

    func wakeUps(when interested: @escaping @Sendable (FleetChange) -> Bool) -> AsyncStream<Void> {
        base.wakeUps { change in
            guard interested(change) else { return false }
            self.accepted.withLock { $0.append(change) }
            return true
        }
    }
}

/// Waits until `condition` holds, checking every few milliseconds, failing after `deadline`.
func eventually(within deadline: Duration = .seconds(10), _ what: String = "", sourceLocation: SourceLocation = #_sourceLocation,
                _ condition: () async throws -> Bool) async rethrows {
    let clock = ContinuousClock()
    let end = clock.now + deadline
    while clock.now < end {
        if try await condition() { return }
        await Task.yield()
        try? await clock.sleep(for: .milliseconds(5))
    }
    Issue.record("condition not met within \(deadline): \(what)", sourceLocation: sourceLocation)
}

@Suite("Reconciler service")
struct ReconcilerServiceTests {
    @Test("a published change wakes the reconciler at once, long before its resync interval")
    func wakesOnChange() async throws {
        let feed = LocalChangeFeed()
        let reconciler = CountingReconciler()
        let service = ReconcilerService(reconciler: reconciler, changes: feed, resync: .seconds(3600))
        let task = Task { try await service.run() }
        defer { task.cancel() }
        await eventually("initial pass") { reconciler.passes.withLock { $0 } == 1 }

        await feed.publish(.kafka(.accepted))

        await eventually("pass after the change") { reconciler.passes.withLock { $0 } >= 2 }
    }

    @Test("a change the reconciler does not care about does not wake it")
    func ignoresOtherChanges() async throws {
        let feed = WakeRecordingFeed()
        let reconciler = CountingReconciler()
        let service = ReconcilerService(reconciler: reconciler, changes: feed, resync: .seconds(3600))
        let task = Task { try await service.run() }
        defer { task.cancel() }
        await eventually("initial pass") { reconciler.passes.withLock { $0 } == 1 }

        await feed.publish(.kafka(.ready))
        await feed.publish(.kafka(.accepted))

        await eventually("pass after the interesting change") { reconciler.passes.withLock { $0 } == 2 }
        // Both wake-ups would merge into that one pass, so the pass count alone cannot tell: the feed saw which
        // changes the service asked to be woken by.
        #expect(feed.wokenBy == [.kafka(.accepted)])
    }

    @Test("a replica that does not lead runs no pass, however often it is woken")
    func followerIdle() async throws {
        final class NeverLeader: LeaderElector {
            let asked = Mutex(0)
            func isLeader(of workerType: String) async -> Bool {
                asked.withLock { $0 += 1 }
                return false
            }
        }
        let feed = LocalChangeFeed()
        let reconciler = CountingReconciler()
        let elector = NeverLeader()
        let service = ReconcilerService(reconciler: reconciler, changes: feed, elector: elector, resync: .milliseconds(1))
        let task = Task { try await service.run() }
        defer { task.cancel() }

        await eventually("woken many times") {
            await feed.publish(.kafka(.accepted))
            return elector.asked.withLock { $0 } >= 20
        }

        #expect(reconciler.passes.withLock { $0 } == 0)
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
    let passes = Mutex(0)
    private let script: [Behaviour]

    init(_ script: [Behaviour]) {
        self.script = script
    }

    func isInterested(in change: FleetChange) -> Bool { false }

    func reconcile() async -> ReconcileReport {
        let index = passes.withLock { passes in
            defer { passes += 1 }
            return passes
        }
        switch script[min(index, script.count - 1)] {
        case .idle:
            return ReconcileReport()
        case .storeDown:
            return ReconcileReport(errors: ["cannot read kafkas: \(StoreError(.unavailable))"])
        case .hang:
            try? await Task.sleep(for: .seconds(3600))
            return ReconcileReport()
        }
    }
}

/// Forwards to an elector and counts how often the service asked whether it leads.
private final class AskCountingElector: LeaderElector {
    let asked = Mutex(0)
    private let base: any LeaderElector

    init(_ base: any LeaderElector) {
        self.base = base
    }

    func isLeader(of workerType: String) async -> Bool {
        asked.withLock { $0 += 1 }
        return await base.isLeader(of: workerType)
    }

    func leadershipGains(of workerType: String) -> AsyncStream<Void> { base.leadershipGains(of: workerType) }
}

@Suite("Reconciler service under failures and leadership changes")
struct ReconcilerServiceResilienceTests {
    @Test("a pass that cannot read its page is retried with backoff until one completes, with no wake-up and no resync")
    func retriesFailedPass() async throws {
        let reconciler = ScriptedReconciler([.storeDown, .storeDown, .idle])
        let progress = WorkerProgress()
        let service = ReconcilerService(reconciler: reconciler, changes: LocalChangeFeed(), resync: .seconds(3600), progress: progress)
        let task = Task { try await service.run() }
        defer { task.cancel() }

        await eventually(within: .seconds(10), "a completed pass after two failed ones") { reconciler.passes.withLock { $0 } >= 3 }
        #expect(progress.stalled(among: ["scripted"], bound: .seconds(5)).isEmpty)
    }

    @Test("a pass that hangs is abandoned after its bound and the worker goes on")
    func abandonsHungPass() async throws {
        let reconciler = ScriptedReconciler([.hang, .idle])
        let service = ReconcilerService(reconciler: reconciler, changes: LocalChangeFeed(), resync: .seconds(3600),
                                        passTimeout: .milliseconds(200))
        let task = Task { try await service.run() }
        defer { task.cancel() }

        await eventually(within: .seconds(10), "a second pass after the hung one") { reconciler.passes.withLock { $0 } >= 2 }
    }

    @Test("a worker whose passes keep failing is reported stalled")
    func failingWorkerStalls() async throws {
        let reconciler = ScriptedReconciler([.storeDown])
        let progress = WorkerProgress()
        let service = ReconcilerService(reconciler: reconciler, changes: LocalChangeFeed(), resync: .seconds(3600), progress: progress)
        let task = Task { try await service.run() }
        defer { task.cancel() }

        await eventually(within: .seconds(10), "failed passes are retried") { reconciler.passes.withLock { $0 } >= 2 }
        #expect(progress.stalled(among: ["scripted"], bound: .seconds(60)).isEmpty, "the worker's clock started with its service")

        await eventually(within: .seconds(10), "the worker is stalled") {
            progress.stalled(among: ["scripted"], bound: .milliseconds(300)).map(\.workerType) == ["scripted"]
        }
    }

    @Test("gaining a lease wakes the worker at once, long before its resync")
    func leaseGainWakes() async throws {
        let store: any FleetStore = InMemoryFleetStore()
        let reconciler = TimedReconciler()
        #expect(try await store.acquireLease(reconciler.workerType, holder: "other", now: Date(), duration: .seconds(15)))
        let elector = LeaseLeaderElector(store: store, holder: "me", workerTypes: [reconciler.workerType], renewInterval: .seconds(5))
        await elector.renewOnce()
        #expect(!(await elector.isLeader(of: reconciler.workerType)))
        let asking = AskCountingElector(elector)
        let service = ReconcilerService(reconciler: reconciler, changes: LocalChangeFeed(), elector: asking, resync: .seconds(3600))
        let task = Task { try await service.run() }
        defer { task.cancel() }
        await eventually(within: .seconds(10), "the follower has taken its first wake-up") { asking.asked.withLock { $0 } >= 1 }
        #expect(reconciler.passes.isEmpty)

        try await store.releaseLease(reconciler.workerType, holder: "other")
        await elector.renewOnce()
        let gained = ContinuousClock.now

        await eventually(within: .seconds(10), "a pass after the gain") { !reconciler.passes.isEmpty }
        let firstPass = try #require(reconciler.passes.first)
        #expect(firstPass - gained < .seconds(1), "the first pass came \(firstPass - gained) after the gain")
    }

    @Test("a follower takes a lease as soon as it expires, not at its next renewal")
    func takeoverAtExpiry() async throws {
        let store: any FleetStore = InMemoryFleetStore()
        let expiry = ContinuousClock.now + .milliseconds(800)
        #expect(try await store.acquireLease("cluster", holder: "dead", now: Date(), duration: .milliseconds(800)))
        let elector = LeaseLeaderElector(store: store, holder: "survivor", workerTypes: ["cluster"], leaseDuration: .seconds(90),
                                         renewInterval: .seconds(60))
        let gains = elector.leadershipGains(of: "cluster")
        let task = Task { try await elector.run() }
        defer { task.cancel() }

        let gained = try await Deadline.run(within: .seconds(30), onTimeout: { CancellationError() }) {
            var iterator = gains.makeAsyncIterator()
            _ = await iterator.next()
            return ContinuousClock.now
        }

        // Far below the 60 s to the next renewal, with room for a loaded machine.
        #expect(gained - expiry < .seconds(20), "taken over \(gained - expiry) after the expiry; the next renewal was 60 s away")
        #expect(try await store.lease("cluster")?.leader == "survivor")
    }
}

/// A reconciler that records when each of its passes started.
private final class TimedReconciler: Reconciler {
    let workerType = "timed"
    private let started = Mutex<[ContinuousClock.Instant]>([])

    var passes: [ContinuousClock.Instant] { started.withLock { $0 } }

    func isInterested(in change: FleetChange) -> Bool { false }

    func reconcile() async -> ReconcileReport {
        let now = ContinuousClock.now
        started.withLock { $0.append(now) }
        return ReconcileReport()
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
