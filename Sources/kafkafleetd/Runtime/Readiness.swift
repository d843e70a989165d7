import Synchronization

/// Whether the daemon is ready to serve: set once the store is migrated and the API listens, read by the health
/// check, and awaited by services that need the API's port (the in-process simulated agent).
final class Readiness: Sendable {
    private let state = Mutex<(port: Int?, waiters: [CheckedContinuation<Int, Never>])>((nil, []))

    /// Records that the API listens on `port` and wakes every waiter.
    func apiListening(on port: Int) {
        let waiters = state.withLock { state -> [CheckedContinuation<Int, Never>] in
            state.port = port
            defer { state.waiters = [] }
            return state.waiters
        }
        for waiter in waiters { waiter.resume(returning: port) }
    }

    /// Whether the API listens.
    var isReady: Bool { state.withLock { $0.port != nil } }

    /// The API's port, once it listens.
    func apiPort() async -> Int {
        await withCheckedContinuation { continuation in
            let port = state.withLock { state -> Int? in
                if let port = state.port { return port }
                state.waiters.append(continuation)
                return nil
            }
            if let port { continuation.resume(returning: port) }
        }
    }
}
