import Synchronization

/// Counts a server's open connections against its maximum, so that a flood of connections is refused at accept time
/// instead of exhausting file descriptors and memory.
final class ConnectionCounter: Sendable {
    private let open = Mutex(0)
    private let maximum: Int

    /// A counter admitting at most `maximum` connections at once.
    init(maximum: Int) { self.maximum = maximum }

    /// Takes a place for a new connection; `false` when all places are taken (nothing is taken then).
    func admit() -> Bool {
        open.withLock { count in
            guard count < maximum else { return false }
            count += 1
            return true
        }
    }

    /// Gives back the place of a closed connection.
    func release() {
        open.withLock { $0 = max(0, $0 - 1) }
    }

    /// The connections open now.
    var count: Int { open.withLock { $0 } }
}
