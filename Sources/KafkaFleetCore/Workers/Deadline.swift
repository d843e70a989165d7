import Synchronization

/// Runs an operation with a bound on how long its caller waits, so that no caller waits forever on a dependency
/// that stopped answering (a lost database connection, a pool that never hands out a lease).
///
/// The caller gets the operation's result, or `onTimeout()` thrown once `limit` has passed, or `CancellationError`
/// as soon as the calling task is cancelled, whichever comes first. The operation runs in a task of its own; when
/// the caller stops waiting it is cancelled and left to finish on its own. That is what makes the bound hold even
/// for an operation that ignores cancellation, at the price that it may still take effect after the caller gave
/// up (a write can commit after its caller saw the timeout), which every caller of a compare-and-set store already
/// handles, since the same happens when a connection drops after the commit.
///
/// Deadlines on the system's clock are watched by one shared `DeadlineWatch` rather than a timer per call, so a
/// bound costs a task and two short locked sections, not a timer armed and cancelled on every store operation.
/// Deadlines on another clock (a test clock, say) get a timer task each.
public enum Deadline {
    /// Runs `operation`, waiting for it at most `limit`.
    public static func run<R: Sendable>(
        within limit: Duration,
        onTimeout: @escaping @Sendable () -> any Error,
        _ operation: @escaping @Sendable () async throws -> R
    ) async throws -> R {
        try await run(operation) { expire in
            let ticket = DeadlineWatch.shared.watch(until: .now + limit) { expire(onTimeout()) }
            return { DeadlineWatch.shared.forget(ticket) }
        }
    }

    /// Runs `operation`, waiting for it at most `limit` as `clock` measures it.
    public static func run<R: Sendable, C: Clock>(
        within limit: C.Duration,
        on clock: C,
        onTimeout: @escaping @Sendable () -> any Error,
        _ operation: @escaping @Sendable () async throws -> R
    ) async throws -> R {
        try await run(operation) { expire in
            let timer = Task {
                do { try await clock.sleep(for: limit) } catch { return }
                expire(onTimeout())
            }
            return { timer.cancel() }
        }
    }

    /// Runs `operation` in a task of its own and waits for whichever comes first: its outcome, the error the deadline
    /// `arm` sets up passes to `expire`, or the caller's cancellation. `arm` returns what stops its timer.
    private static func run<R: Sendable>(
        _ operation: @escaping @Sendable () async throws -> R,
        arm: (_ expire: @escaping @Sendable (any Error) -> Void) -> @Sendable () -> Void
    ) async throws -> R {
        let call = DeadlineCall<R>()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<R, any Error>) in
                let disarm = arm { call.finish(.failure($0)) }
                call.start(continuation, work: call.perform(operation), disarm: disarm)
            }
        } onCancel: {
            call.finish(.failure(CancellationError()))
        }
    }
}

/// One bounded call: whoever comes first (the operation, the deadline, the caller's cancellation) resumes the
/// caller, exactly once; the others find it done.
private final class DeadlineCall<R: Sendable>: Sendable {
    private struct State {
        var continuation: CheckedContinuation<R, any Error>?
        var work: Task<Void, Never>?
        /// Stops the deadline's timer.
        var disarm: (@Sendable () -> Void)?
        /// The outcome, once there is one.
        var outcome: Result<R, any Error>?
    }

    private let state = Mutex(State())

    /// Starts `operation` in a task of its own, which reports its outcome to this call.
    func perform(_ operation: @escaping @Sendable () async throws -> R) -> Task<Void, Never> {
        Task {
            let result: Result<R, any Error>
            do { result = .success(try await operation()) } catch { result = .failure(error) }
            finish(result)
        }
    }

    /// Stores what `finish` needs; resumes at once when the outcome came first.
    func start(_ continuation: CheckedContinuation<R, any Error>, work: Task<Void, Never>, disarm: @escaping @Sendable () -> Void) {
        let early = state.withLock { state -> Result<R, any Error>? in
            if let outcome = state.outcome { return outcome }
            state.continuation = continuation
            state.work = work
            state.disarm = disarm
            return nil
        }
        guard let early else { return }
        disarm()
        if case .failure = early { work.cancel() }
        continuation.resume(with: early)
    }

    /// Records the first outcome and resumes the caller with it; later outcomes are dropped.
    func finish(_ result: Result<R, any Error>) {
        let pending = state.withLock { state -> (CheckedContinuation<R, any Error>, Task<Void, Never>?, (@Sendable () -> Void)?)? in
            guard state.outcome == nil else { return nil }
            state.outcome = result
            guard let continuation = state.continuation else { return nil }
            state.continuation = nil
            return (continuation, state.work, state.disarm)
        }
        guard let (continuation, work, disarm) = pending else { return }
        disarm?()
        if case .failure = result { work?.cancel() }
        continuation.resume(with: result)
    }
}

/// Watches many deadlines with one task: it wakes every `tick` while any deadline is pending (and sleeps not at
/// all otherwise) and runs the expiry action of each one that has passed. Deadlines fire up to a tick late.
public final class DeadlineWatch: Sendable {
    /// A pending deadline, to forget it when its call ends first.
    public struct Ticket: Sendable, Hashable {
        fileprivate let id: UInt64
    }

    private struct Entry {
        let deadline: ContinuousClock.Instant
        let expire: @Sendable () -> Void
    }

    private struct State {
        var entries: [UInt64: Entry] = [:]
        var nextID: UInt64 = 0
        var ticking = false
    }

    /// The watch every `Deadline` uses.
    public static let shared = DeadlineWatch(tick: .milliseconds(50))

    private let tick: Duration
    private let state = Mutex(State())

    /// A watch that checks its deadlines every `tick`.
    public init(tick: Duration) {
        self.tick = tick
    }

    /// Runs `expire` once `deadline` has passed, unless the ticket is forgotten first.
    public func watch(until deadline: ContinuousClock.Instant, _ expire: @escaping @Sendable () -> Void) -> Ticket {
        let (id, startTicking) = state.withLock { state -> (UInt64, Bool) in
            let id = state.nextID
            state.nextID &+= 1
            state.entries[id] = Entry(deadline: deadline, expire: expire)
            defer { state.ticking = true }
            return (id, !state.ticking)
        }
        if startTicking { Task.detached { await self.tickUntilIdle() } }
        return Ticket(id: id)
    }

    /// Drops a deadline whose call ended.
    public func forget(_ ticket: Ticket) {
        _ = state.withLock { $0.entries.removeValue(forKey: ticket.id) }
    }

    private func tickUntilIdle() async {
        while true {
            try? await Task.sleep(for: tick)
            let now = ContinuousClock.now
            let (expired, idle) = state.withLock { state -> ([Entry], Bool) in
                let expired = state.entries.filter { $0.value.deadline <= now }
                for id in expired.keys { state.entries.removeValue(forKey: id) }
                if state.entries.isEmpty { state.ticking = false }
                return (Array(expired.values), state.entries.isEmpty)
            }
            for entry in expired { entry.expire() }
            if idle { return }
        }
    }
}
