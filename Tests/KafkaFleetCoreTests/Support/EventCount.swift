import KafkaFleetCore
import Synchronization

/// Counts events (a reconciler's passes, an elector's questions) and lets a test wait, with a bound, until a count
/// is reached: no polling and no sleeping.
final class EventCount: Sendable {
    private struct State {
        var count = 0
        var waiters: [(target: Int, continuation: CheckedContinuation<Void, Never>)] = []
    }

    private let state = Mutex(State())

    /// How many events happened so far.
    var value: Int { state.withLock { $0.count } }

    /// Records one event.
    func increment() {
        let ready = state.withLock { state -> [CheckedContinuation<Void, Never>] in
            state.count += 1
            let count = state.count
            let ready = state.waiters.filter { $0.target <= count }.map(\.continuation)
            state.waiters.removeAll { $0.target <= count }
            return ready
        }
        for waiter in ready { waiter.resume() }
    }

    /// Returns once `target` events happened; throws `BoundExceeded` if that takes longer than `limit`.
    func reached(_ target: Int, within limit: Duration = .seconds(10), _ what: String = "") async throws {
        try await bounded(what.isEmpty ? "\(target) events" : what, within: limit) {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let ready = self.state.withLock { state -> Bool in
                    if state.count >= target { return true }
                    state.waiters.append((target, continuation))
                    return false
                }
                if ready { continuation.resume() }
            }
        }
    }
}

/// A wait in a test that did not end within its bound.
struct BoundExceeded: Error, CustomStringConvertible {
    let what: String
    let limit: Duration

    var description: String { "\(what): not within \(limit)" }
}

/// Runs `operation`, failing (by throwing `BoundExceeded`) if it does not end within `limit` of real time: every wait
/// in a test has a bound, so a broken runtime fails the test instead of hanging the suite.
func bounded<R: Sendable>(_ what: String, within limit: Duration = .seconds(10),
                          _ operation: @escaping @Sendable () async throws -> R) async throws -> R {
    try await Deadline.run(within: limit, onTimeout: { BoundExceeded(what: what, limit: limit) }, operation)
}
