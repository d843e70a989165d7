public import KafkaFleetCore
public import KafkaFleetLocal
import Synchronization

/// A `LocalIdentityProvider` for reconciler tests: it counts every call and what each changed, fails on demand
/// through `faults`, and runs a hook after each call.
///
/// Clients and secrets are the `LocalIdentityProvider`'s: `ensureClient` of a client id that exists adopts it
/// (`adoptions(of:)`) and returns its secret; otherwise it creates it (`creations(of:)`) with a new random secret, so
/// a client deleted and created again gets a new secret. Every call counts in `calls(_:)`, failed ones included.
///
/// ```swift
/// let sso = FakeIdentityProvider()
/// sso.faults.isDown = true                    // every call fails until set back
/// await reconciler.pass()
/// sso.faults.isDown = false
/// await reconciler.pass()
/// #expect(sso.creations(of: "canary-\(id)") == 1)
/// ```
public final class FakeIdentityProvider: IdentityProvider {
    /// The operations of the protocol.
    public enum Operation: Sendable, Hashable, CaseIterable {
        case ensureClient
        case deleteClient
    }

    /// What a successful call did to one client id.
    private enum Change: Hashable {
        case created(String)
        case adopted(String)
        case deleted(String)
    }

    private let provider = LocalIdentityProvider()
    private let fake: FakeCalls<Operation>
    private let changes = Mutex<[Change: Int]>([:])

    /// No clients; `seed` fixes which calls a failure rate hits.
    public init(seed: UInt64 = 42) {
        fake = FakeCalls(faults: FaultInjection(seed: seed, provider: "fake-identity"))
    }

    /// Which calls fail and how; change it at any time.
    public var faults: FaultInjection { fake.faults }

    /// The current clients by client id.
    public var clients: [String: LocalIdentityProvider.RegisteredClient] { provider.clients }

    /// Runs `hook` after every successful call's effect, before the call returns, with the operation called: a test
    /// makes a concurrent change there, at the exact moment between a resource's creation and its caller's next step.
    /// Replaces the previous hook.
    public func afterEachCall(_ hook: @escaping @Sendable (Operation) async -> Void) {
        fake.setHook(hook)
    }

    /// How many times `operation` was called, failed calls included.
    public func calls(_ operation: Operation) -> Int { fake.count(operation) }

    /// How many times `ensureClient` created `clientID`.
    public func creations(of clientID: String) -> Int { count(.created(clientID)) }

    /// How many times `ensureClient` found `clientID` existing and adopted it.
    public func adoptions(of clientID: String) -> Int { count(.adopted(clientID)) }

    /// How many times `deleteClient` removed an existing `clientID`.
    public func deletions(of clientID: String) -> Int { count(.deleted(clientID)) }

    /// Adopts an existing client or creates it, unless a fault is drawn.
    public func ensureClient(_ client: IdentityClient) async throws -> ClientCredentials {
        try await fake.perform(.ensureClient) {
            let (credentials, outcome) = provider.ensure(client)
            tally(outcome == .created ? .created(client.clientID) : .adopted(client.clientID))
            return credentials
        }
    }

    /// Removes the client if it exists, unless a fault is drawn.
    public func deleteClient(clientID: String) async throws {
        try await fake.perform(.deleteClient) {
            if provider.remove(clientID: clientID) { tally(.deleted(clientID)) }
        }
    }

    private func count(_ change: Change) -> Int { changes.withLock { $0[change, default: 0] } }

    private func tally(_ change: Change) {
        changes.withLock { $0[change, default: 0] += 1 }
    }
}
