public import KafkaFleetCore
import KafkaFleetLocal
import Synchronization

/// A `LocalDNSProvider` for reconciler tests: it counts every call and what each changed, fails on demand through
/// `faults`, and runs a hook after each call.
///
/// Records and name comparison are the `LocalDNSProvider`'s (case-insensitive, a trailing dot ignored). Every call
/// counts in `calls(_:)`, failed ones included. An upsert of a name without a record counts as a creation, of a name
/// with one as a replacement, so a test can assert that a record was created exactly once however often a
/// reconciler ran:
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

    private let registry = LocalDNSProvider()
    private let fake: FakeCalls<Operation>
    private let changes = Mutex<[LocalDNSProvider.Change: Int]>([:])

    /// An empty zone; `seed` fixes which calls a failure rate hits.
    public init(seed: UInt64 = 42) {
        fake = FakeCalls(faults: FaultInjection(seed: seed, provider: "fake-dns"))
    }

    /// Which calls fail and how; change it at any time.
    public var faults: FaultInjection { fake.faults }

    /// The current records, by normalised name (lower case, no trailing dot).
    public var records: [String: DNSRecord] { registry.records }

    /// Runs `hook` after every successful call's effect, before the call returns, with the operation called: a test
    /// makes a concurrent change there, at the exact moment between a resource's creation and its caller's next step.
    /// Replaces the previous hook.
    public func afterEachCall(_ hook: @escaping @Sendable (Operation) async -> Void) {
        fake.setHook(hook)
    }

    /// How many times `operation` was called, failed calls included.
    public func calls(_ operation: Operation) -> Int { fake.count(operation) }

    /// How many times an upsert created `name` where no record existed.
    public func creations(of name: String) -> Int { count(.created(name: LocalDNSProvider.normalisedName(name))) }

    /// How many times an upsert found `name` existing and replaced (or re-wrote) it.
    public func replacements(of name: String) -> Int { count(.replaced(name: LocalDNSProvider.normalisedName(name))) }

    /// How many times a delete removed an existing record at `name`.
    public func deletions(of name: String) -> Int { count(.deleted(name: LocalDNSProvider.normalisedName(name))) }

    /// Creates or replaces the records, counting creations and replacements, unless a fault is drawn.
    public func upsertRecords(_ records: [DNSRecord]) async throws {
        try await fake.perform(.upsertRecords) { tally(registry.upsert(records)) }
    }

    /// Removes the records that exist, counting deletions, unless a fault is drawn.
    public func deleteRecords(_ records: [DNSRecord]) async throws {
        try await fake.perform(.deleteRecords) { tally(registry.delete(records)) }
    }

    private func count(_ change: LocalDNSProvider.Change) -> Int { changes.withLock { $0[change, default: 0] } }

    private func tally(_ made: [LocalDNSProvider.Change]) {
        changes.withLock { changes in
            for change in made { changes[change, default: 0] += 1 }
        }
    }
}
