public import Logging
public import ServiceLifecycle

/// Runs one reconciler for the life of the process: a pass at start, a pass whenever a relevant change is
/// published or this process gains the worker's lead, a pass every `resync` as a safety net, and passes back to
/// back while a pass finds a full page. Passes run only while the elector says this process leads the worker.
///
/// No pass can stop the worker for good: a pass is bounded by `passTimeout` (after which it is cancelled and
/// counted as failed), and a pass that failed as a whole (it timed out, or could not read its page, e.g. because
/// the database is down) is retried after a backoff that doubles from `PassBackoff.initial` up to the resync
/// interval, and resets after the next pass that completes. On graceful shutdown the pass in flight finishes
/// (within its bound) and no new one starts; on cancellation it is abandoned at once.
///
/// Every wait (the resync, the retry backoff, the pass bound) is measured on the injected `clock`, so tests drive
/// the service with a test clock instead of waiting; every pass is reported to the `observer`.
public struct ReconcilerService: Service {
    private let reconciler: any Reconciler
    private let changes: any ChangeFeed
    private let elector: any LeaderElector
    private let resync: Duration
    private let passTimeout: Duration
    private let progress: WorkerProgress?
    private let clock: any Clock<Duration>
    private let observer: any FleetObserver
    private let logger: Logger

    /// A service running `reconciler`, woken by `changes` and by leadership gains, resyncing every `resync`, each
    /// pass bounded by `passTimeout`, all measured on `clock`; completed passes are recorded in `progress` (for
    /// readiness) and every pass is reported to `observer`.
    public init(reconciler: any Reconciler, changes: any ChangeFeed, elector: any LeaderElector = AlwaysLeader(),
                resync: Duration = .seconds(30), passTimeout: Duration = .seconds(60), progress: WorkerProgress? = nil,
                clock: any Clock<Duration> = ContinuousClock(), observer: any FleetObserver = NoFleetObserver(),
                logger: Logger = Logger(label: "kafkafleet.workers")) {
        self.reconciler = reconciler
        self.changes = changes
        self.elector = elector
        self.resync = resync
        self.passTimeout = passTimeout
        self.progress = progress
        self.clock = clock
        self.observer = observer
        var logger = logger
        logger[metadataKey: "worker_type"] = "\(reconciler.workerType)"
        self.logger = logger
    }

    public func run() async throws {
        await run(on: clock)
    }

    /// The service's loop, on the clock's own type (so it can keep the clock's instants).
    private func run<C: Clock<Duration>>(on clock: C) async {
        let (wakeUps, wake) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
        let reconciler = reconciler
        let changed = changes.wakeUps { reconciler.isInterested(in: $0) }
        let gains = elector.leadershipGains(of: reconciler.workerType)
        let workerType = reconciler.workerType
        progress?.started(workerType)
        await withTaskGroup(of: Void.self) { group in
            group.addTask {
                for await _ in changed { wake.yield() }
            }
            group.addTask { [progress] in
                for await _ in gains {
                    progress?.started(workerType)
                    wake.yield()
                }
            }
            group.addTask {
                while !Task.isCancelled {
                    do { try await clock.sleep(for: resync) } catch { return }
                    wake.yield()
                }
            }
            var retryScheduledAt: C.Instant?
            var backoff = PassBackoff(maximum: resync)
            wake.yield()
            for await _ in wakeUps.cancelOnGracefulShutdown() {
                guard let delay = await runUntilIdle(backoff: &backoff, clock: clock) else { continue }
                let due = clock.now.advanced(by: delay)
                if let scheduled = retryScheduledAt, scheduled > clock.now, scheduled <= due { continue }
                retryScheduledAt = due
                group.addTask {
                    do { try await clock.sleep(until: due, tolerance: nil) } catch { return }
                    wake.yield()
                }
            }
            group.cancelAll()
        }
    }

    /// Runs passes while they find full pages of work, at most 1,000 in a row so a hot loop cannot starve the
    /// rest. Returns when the worker wants to run again without being woken: a pass failed (after the pass
    /// backoff), or an item in backoff wants a retry.
    private func runUntilIdle<C: Clock<Duration>>(backoff: inout PassBackoff, clock: C) async -> Duration? {
        guard await elector.isLeader(of: reconciler.workerType) else { return nil }
        for _ in 0..<1_000 {
            let report = await pass(clock: clock)
            if report.passFailed {
                return backoff.failed()
            }
            backoff.succeeded()
            progress?.passCompleted(reconciler.workerType)
            guard report.wantsAnotherPass, !Task.isShuttingDownGracefully, await elector.isLeader(of: reconciler.workerType) else {
                return report.retryAfter
            }
        }
        return nil
    }

    private func pass<C: Clock<Duration>>(clock: C) async -> ReconcileReport {
        let start = clock.now
        let reconciler = reconciler
        let limit = passTimeout
        let report: ReconcileReport
        do {
            report = try await Deadline.run(within: limit, on: clock, onTimeout: { PassTimedOut(limit: limit) }) { await reconciler.reconcile() }
        } catch {
            report = ReconcileReport(errors: ["\(error)"], abandoned: true)
        }
        observer.workerPassEnded(workerType: reconciler.workerType, duration: start.duration(to: clock.now), errors: report.errors.count)
        for error in report.errors { logger.warning("reconcile error", metadata: ["error": "\(error)"]) }
        if report.changed > 0 {
            logger.debug("pass", metadata: ["examined": "\(report.examined)", "changed": "\(report.changed)"])
        }
        return report
    }
}

/// A pass that did not end within its bound.
struct PassTimedOut: Error, CustomStringConvertible {
    let limit: Duration

    var description: String { "the pass did not end within \(limit.timeInterval) s and was abandoned" }
}

/// The delay before a failed pass is retried: it doubles with each failed pass in a row, from `initial` up to
/// `maximum`, and starts over after a pass that completes.
struct PassBackoff {
    /// The delay after the first failed pass.
    static let initial = Duration.milliseconds(500)

    let maximum: Duration
    private var failures = 0

    init(maximum: Duration) {
        self.maximum = maximum
    }

    /// Records a failed pass and returns how long to wait before the next.
    mutating func failed() -> Duration {
        failures = min(failures + 1, 20)
        return min(maximum, Self.initial * (1 << (failures - 1)))
    }

    /// Records a pass that completed.
    mutating func succeeded() {
        failures = 0
    }
}
