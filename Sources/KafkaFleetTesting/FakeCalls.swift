import Synchronization

/// What makes a fake provider a fake, shared by the fakes: it counts every call by operation, decides through
/// `FaultInjection` whether a call fails and when, and runs the test's after-call hook. The effect itself is the
/// production provider's.
final class FakeCalls<Operation: Hashable & Sendable>: Sendable {
    let faults: FaultInjection
    private let counts = Mutex<[Operation: Int]>([:])
    private let hook = Mutex<(@Sendable (Operation) async -> Void)?>(nil)

    /// Calls failing as `faults` decides.
    init(faults: FaultInjection) {
        self.faults = faults
    }

    /// How many times `operation` was called, failed calls included.
    func count(_ operation: Operation) -> Int { counts.withLock { $0[operation, default: 0] } }

    /// Replaces the hook run after every successful call's effect.
    func setHook(_ hook: @escaping @Sendable (Operation) async -> Void) {
        self.hook.withLock { $0 = hook }
    }

    /// Counts the call, then applies `effect` and the fault drawn for it in the order its timing says; after a
    /// successful effect, runs the hook before returning the effect's result.
    func perform<Result: Sendable>(_ operation: Operation, _ effect: () -> Result) async throws -> Result {
        let fault = faults.draw()
        counts.withLock { $0[operation, default: 0] += 1 }
        if let fault, fault.timing == .beforeEffect { throw fault.error }
        let result = effect()
        if let fault { throw fault.error }
        if let hook = hook.withLock({ $0 }) { await hook(operation) }
        return result
    }
}
