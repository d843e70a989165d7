import Synchronization

/// When each worker of this process last completed a pass, so that readiness can tell a worker that stopped
/// moving (its passes keep failing, or one hangs) from one that is merely idle.
///
/// A worker's clock starts when its service starts and again whenever it gains leadership, so a replica that has
/// just taken a worker over is given a full bound to complete its first pass.
public final class WorkerProgress: Sendable {
    private let clock = ContinuousClock()
    /// Per worker type: the later of the last completed pass and the last (re)start of its clock.
    private let lastProgress = Mutex<[String: ContinuousClock.Instant]>([:])

    /// An empty record.
    public init() {}

    /// Starts (or restarts) `workerType`'s clock: its service started, or it just gained leadership.
    public func started(_ workerType: String) {
        let now = clock.now
        lastProgress.withLock { $0[workerType] = now }
    }

    /// Records that `workerType` completed a pass.
    public func passCompleted(_ workerType: String) {
        started(workerType)
    }

    /// The worker types among `workerTypes` whose last progress is older than `bound` (a worker never started
    /// counts as stalled), with how long ago it was.
    public func stalled(among workerTypes: [String], bound: Duration) -> [(workerType: String, since: Duration?)] {
        let now = clock.now
        let progress = lastProgress.withLock { $0 }
        return workerTypes.compactMap { workerType in
            guard let last = progress[workerType] else { return (workerType, nil) }
            let age = last.duration(to: now)
            return age > bound ? (workerType, age) : nil
        }
    }
}
