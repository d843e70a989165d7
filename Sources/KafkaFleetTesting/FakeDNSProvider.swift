public import KafkaFleetCore
import Synchronization

/// A `DNSProvider` in memory, for reconciler tests: it keeps the current CNAME records, counts every
/// call, and fails on demand through `faults`.
///
/// Names compare as DNS does (case-insensitive, a trailing dot ignored), like the Route53 adapter.
/// Every call counts in `calls(_:)`, failed ones included. An upsert of a name without a record counts
/// as a creation, of a name with one as a replacement, so a test can assert that a record was created
/// exactly once however often a reconciler ran:
///
/// ```swift
/// let dns = FakeDNSProvider()
/// dns.faults.failNext()                       // the first call fails with a retryable error
/// await reconciler.pass(); await reconciler.pass()
/// #expect(dns.calls(.upsertRecords) == 2)
/// #expect(dns.creations(of: "my-kafka-abc.kafka.example.com") == 1)
/// ```
public final class FakeDNSProvider: DNSProvider {
    /// The operations of the protocol.
    public enum Operation: Sendable, Hashable, CaseIterable {
        case upsertRecords
        case deleteRecords
    }

    private struct State {
        var records: [String: DNSRecord] = [:]
        var calls: [Operation: Int] = [:]
        var creations: [String: Int] = [:]
        var replacements: [String: Int] = [:]
        var deletions: [String: Int] = [:]
    }

    /// Which calls fail and how; change it at any time.
    public let faults: FaultInjection
    private let state = Mutex(State())
    private let hook = Mutex<(@Sendable (Operation) async -> Void)?>(nil)

    /// An empty zone; `seed` fixes which calls a failure rate hits.
    public init(seed: UInt64 = 42) {
        faults = FaultInjection(seed: seed, provider: "fake-dns")
    }

    /// The current records, by normalised name (lower case, no trailing dot).
    public var records: [String: DNSRecord] { state.withLock { $0.records } }

    /// Runs `hook` after every successful call's effect, before the call returns, with the operation called: a test
    /// makes a concurrent change there, at the exact moment between a resource's creation and its caller's next step.
    /// Replaces the previous hook.
    public func afterEachCall(_ hook: @escaping @Sendable (Operation) async -> Void) {
        self.hook.withLock { $0 = hook }
    }

    /// How many times `operation` was called, failed calls included.
    public func calls(_ operation: Operation) -> Int { state.withLock { $0.calls[operation, default: 0] } }

    /// How many times an upsert created `name` where no record existed.
    public func creations(of name: String) -> Int { state.withLock { $0.creations[Self.key(name), default: 0] } }

    /// How many times an upsert found `name` existing and replaced (or re-wrote) it.
    public func replacements(of name: String) -> Int { state.withLock { $0.replacements[Self.key(name), default: 0] } }

    /// How many times a delete removed an existing record at `name`.
    public func deletions(of name: String) -> Int { state.withLock { $0.deletions[Self.key(name), default: 0] } }

    /// Creates or replaces the records, counting creations and replacements, unless a fault is drawn.
    public func upsertRecords(_ records: [DNSRecord]) async throws {
        try perform(.upsertRecords) { state in
            for record in records {
                let key = Self.key(record.name)
                if state.records.updateValue(record, forKey: key) == nil {
                    state.creations[key, default: 0] += 1
                } else {
                    state.replacements[key, default: 0] += 1
                }
            }
        }
        await runHook(.upsertRecords)
    }

    /// Removes the records that exist, counting deletions, unless a fault is drawn.
    public func deleteRecords(_ records: [DNSRecord]) async throws {
        try perform(.deleteRecords) { state in
            for record in records where state.records.removeValue(forKey: Self.key(record.name)) != nil {
                state.deletions[Self.key(record.name), default: 0] += 1
            }
        }
        await runHook(.deleteRecords)
    }

    private func runHook(_ operation: Operation) async {
        if let hook = hook.withLock({ $0 }) { await hook(operation) }
    }

    /// Counts the call, then applies `effect` and the fault drawn for it in the order its timing says.
    private func perform(_ operation: Operation, _ effect: (inout State) -> Void) throws {
        let fault = faults.draw()
        try state.withLock { state in
            state.calls[operation, default: 0] += 1
            if let fault, fault.timing == .beforeEffect { throw fault.error }
            effect(&state)
            if let fault { throw fault.error }
        }
    }

    private static func key(_ name: String) -> String {
        let lower = name.lowercased()
        return lower.hasSuffix(".") ? String(lower.dropLast()) : lower
    }
}
