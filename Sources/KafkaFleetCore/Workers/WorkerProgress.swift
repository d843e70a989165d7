import Synchronization

/// When each worker of this process last completed a pass, so that readiness can tell a worker that stopped
/// moving (its passes keep failing, or one hangs) from one that is merely idle.
///
/// A worker's clock starts when its service starts and again whenever it gains leadership, so a replica that has
/// just taken a worker over is given a full bound to complete its first pass.
public final class WorkerProgress: Sendable {
    /// The time elapsed on the record's clock since the record was made.
    private let elapsed: @Sendable () -> Duration
    /// Per worker type: the later of the last completed pass and the last (re)start of its clock, as elapsed time.
    private let lastProgress = Mutex<[String: Duration]>([:])

    /// An empty record, measuring time with `clock`.
    public init<C: Clock>(clock: C) where C.Duration == Duration {
        let start = clock.now
        elapsed = { start.duration(to: clock.now) }
    }

    /// An empty record, measuring time with the system's continuous clock.
    public convenience init() {
        self.init(clock: ContinuousClock())
    }

    /// Starts (or restarts) `workerType`'s clock: its service started, or it just gained leadership.
    public func started(_ workerType: String) {
        let now = elapsed()
        lastProgress.withLock { $0[workerType] = now }
    }

    /// Records that `workerType` completed a pass.
    public func passCompleted(_ workerType: String) {
        started(workerType)
    }

    /// The worker types among `workerTypes` whose last progress is older than `bound` (a worker never started
    /// counts as stalled), with how long ago it was.
    public func stalled(among workerTypes: [String], bound: Duration) -> [(workerType: String, since: Duration?)] {
        let now = elapsed()
        let progress = lastProgress.withLock { $0 }
        return workerTypes.compactMap { workerType in
            guard let last = progress[workerType] else { return (workerType, nil) }
            let age = now - last
            return age > bound ? (workerType, age) : nil
        }
    }
}
