public import Foundation
import Synchronization

/// Exponential backoff per item (kafka or cluster id), so that a failing item is retried later and less
/// often while the other items of the page go on.
public final class ItemBackoff: Sendable {
    private struct Entry {
        var failures: Int
        var notBefore: Date
    }

    private let initial: Duration
    private let maximum: Duration
    private let entries = Mutex<[String: Entry]>([:])

    /// A backoff that waits `initial` after the first failure, doubling up to `maximum`.
    public init(initial: Duration = .milliseconds(200), maximum: Duration = .seconds(30)) {
        self.initial = initial
        self.maximum = maximum
    }

    /// Whether the item may be attempted at `now`.
    public func mayAttempt(_ id: String, now: Date) -> Bool {
        entries.withLock { $0[id].map { $0.notBefore <= now } ?? true }
    }

    /// Records a failure at `now`; the next attempt waits twice as long as the last, up to the maximum.
    public func recordFailure(_ id: String, now: Date) {
        entries.withLock { entries in
            let failures = (entries[id]?.failures ?? 0) + 1
            let delay = min(maximum, initial * (1 << min(failures - 1, 20)))
            entries[id] = Entry(failures: failures, notBefore: now.addingTimeInterval(delay.timeInterval))
        }
    }

    /// Forgets the item's failures.
    public func recordSuccess(_ id: String) {
        _ = entries.withLock { $0.removeValue(forKey: id) }
    }

    /// How many consecutive failures the item has had.
    public func failures(of id: String) -> Int {
        entries.withLock { $0[id]?.failures ?? 0 }
    }

    /// How long until the earliest waiting item may be retried, if any still waits at `now`.
    ///
    /// An item whose wait is over is not waiting: the next pass attempts it if it is still the worker's. One that
    /// left the worker's statuses while in backoff would otherwise ask for a retry at once, pass after pass. Entries
    /// whose wait ended longer than `maximum` ago belong to items no pass attempted since, and are forgotten.
    public func nextRetry(after now: Date) -> Duration? {
        entries.withLock { entries in
            let forgetBefore = now.addingTimeInterval(-maximum.timeInterval)
            entries = entries.filter { $0.value.notBefore >= forgetBefore }
            return entries.values.map(\.notBefore).filter { $0 > now }.min()
                .map { .milliseconds(Int64(min($0.timeIntervalSince(now), maximum.timeInterval) * 1000)) }
        }
    }
}
