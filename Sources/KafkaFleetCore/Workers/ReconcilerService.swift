import AsyncAlgorithms
public import Logging
import Metrics
public import ServiceLifecycle

/// Runs one reconciler for the life of the process: a pass at start, a pass whenever a relevant change is
/// published, a pass every `resync` as a safety net, and passes back to back while a pass finds a full page.
/// Passes run only while the elector says this process leads the worker. On graceful shutdown the pass in
/// flight finishes and no new one starts.
public struct ReconcilerService: Service {
    private let reconciler: any Reconciler
    private let changes: any ChangeFeed
    private let elector: any LeaderElector
    private let resync: Duration
    private let logger: Logger

    /// A service running `reconciler`, woken by `changes`, resyncing every `resync`.
    public init(reconciler: any Reconciler, changes: any ChangeFeed, elector: any LeaderElector = AlwaysLeader(),
                resync: Duration = .seconds(30), logger: Logger = Logger(label: "kafkafleet.workers")) {
        self.reconciler = reconciler
        self.changes = changes
        self.elector = elector
        self.resync = resync
        var logger = logger
        logger[metadataKey: "worker_type"] = "\(reconciler.workerType)"
        self.logger = logger
    }

    public func run() async throws {
        let (wakeUps, wake) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
        let subscription = changes.subscribe()
        let clock = ContinuousClock()
        await withTaskGroup(of: Void.self) { group in
            group.addTask {
                for await change in subscription where reconciler.isInterested(in: change) { wake.yield() }
            }
            group.addTask {
                while !Task.isCancelled {
                    do { try await clock.sleep(for: resync) } catch { return }
                    wake.yield()
                }
            }
            var retryScheduledAt: ContinuousClock.Instant?
            wake.yield()
            for await _ in wakeUps.cancelOnGracefulShutdown() {
                guard let delay = await runUntilIdle() else { continue }
                let due = clock.now + delay
                if let scheduled = retryScheduledAt, scheduled > clock.now, scheduled <= due { continue }
                retryScheduledAt = due
                group.addTask {
                    do { try await clock.sleep(until: due) } catch { return }
                    wake.yield()
                }
            }
            group.cancelAll()
        }
    }

    /// Runs passes while they find full pages of work, at most 1,000 in a row so a hot loop cannot starve the
    /// rest. Returns when an item in backoff wants a retry.
    private func runUntilIdle() async -> Duration? {
        guard await elector.isLeader(of: reconciler.workerType) else { return nil }
        for _ in 0..<1_000 {
            let report = await pass()
            guard report.wantsAnotherPass, !Task.isShuttingDownGracefully, await elector.isLeader(of: reconciler.workerType) else {
                return report.retryAfter
            }
        }
        return nil
    }

    private func pass() async -> ReconcileReport {
        let dimensions = [("worker_type", reconciler.workerType)]
        let start = ContinuousClock.now
        let report = await reconciler.reconcile()
        let elapsed = ContinuousClock.now - start
        Gauge(label: "kas_fleet_manager_reconciler_duration_in_seconds", dimensions: dimensions).record(elapsed.timeInterval)
        if report.errors.isEmpty {
            Counter(label: "kas_fleet_manager_reconciler_success_count", dimensions: dimensions).increment()
        } else {
            Counter(label: "kas_fleet_manager_reconciler_failure_count", dimensions: dimensions).increment()
            Counter(label: "kas_fleet_manager_reconciler_errors_count", dimensions: dimensions).increment(by: report.errors.count)
            for error in report.errors { logger.warning("reconcile error", metadata: ["error": "\(error)"]) }
        }
        if report.changed > 0 {
            logger.debug("pass", metadata: ["examined": "\(report.examined)", "changed": "\(report.changed)"])
        }
        return report
    }
}
