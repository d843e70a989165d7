import Foundation
import KafkaFleetCore
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
        let feed = LocalChangeFeed()
        let reconciler = CountingReconciler()
        let service = ReconcilerService(reconciler: reconciler, changes: feed, resync: .seconds(3600))
        let task = Task { try await service.run() }
        defer { task.cancel() }
        await eventually("initial pass") { reconciler.passes.withLock { $0 } == 1 }

        await feed.publish(.kafka(.ready))
        await feed.publish(.kafka(.accepted))

        await eventually("pass after the interesting change") { reconciler.passes.withLock { $0 } == 2 }
        #expect(reconciler.passes.withLock { $0 } == 2)
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
