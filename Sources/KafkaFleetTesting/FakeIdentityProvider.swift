public import KafkaFleetCore
import Synchronization

/// An `IdentityProvider` in memory, for reconciler tests: it keeps the current clients and their
/// secrets, counts every call, and fails on demand through `faults`.
///
/// `ensureClient` of a client id that exists adopts it (`adoptions(of:)`) and returns its secret;
/// otherwise it creates it (`creations(of:)`) with the secret `secret-<client id>-<n>`, where n counts
/// the creations of that id, so a client deleted and created again gets a new secret. Every call
/// counts in `calls(_:)`, failed ones included.
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

    /// A client as the fake stores it.
    public struct StoredClient: Sendable, Hashable {
        /// The client as it was first created.
        public var client: IdentityClient
        /// Its secret.
        public var secret: String
    }

    private struct State {
        var clients: [String: StoredClient] = [:]
        var calls: [Operation: Int] = [:]
        var creations: [String: Int] = [:]
        var adoptions: [String: Int] = [:]
        var deletions: [String: Int] = [:]
    }

    /// Which calls fail and how; change it at any time.
    public let faults: FaultInjection
    private let state = Mutex(State())
    private let hook = Mutex<(@Sendable (Operation) async -> Void)?>(nil)

    /// No clients; `seed` fixes which calls a failure rate hits.
    public init(seed: UInt64 = 42) {
        faults = FaultInjection(seed: seed, provider: "fake-identity")
    }

    /// The current clients by client id.
    public var clients: [String: StoredClient] { state.withLock { $0.clients } }

    /// Runs `hook` after every successful call's effect, before the call returns, with the operation called: a test
    /// makes a concurrent change there, at the exact moment between a resource's creation and its caller's next step.
    /// Replaces the previous hook.
    public func afterEachCall(_ hook: @escaping @Sendable (Operation) async -> Void) {
        self.hook.withLock { $0 = hook }
    }

    /// How many times `operation` was called, failed calls included.
    public func calls(_ operation: Operation) -> Int { state.withLock { $0.calls[operation, default: 0] } }

    /// How many times `ensureClient` created `clientID`.
    public func creations(of clientID: String) -> Int { state.withLock { $0.creations[clientID, default: 0] } }

    /// How many times `ensureClient` found `clientID` existing and adopted it.
    public func adoptions(of clientID: String) -> Int { state.withLock { $0.adoptions[clientID, default: 0] } }

    /// How many times `deleteClient` removed an existing `clientID`.
    public func deletions(of clientID: String) -> Int { state.withLock { $0.deletions[clientID, default: 0] } }

    /// Adopts an existing client or creates it, unless a fault is drawn.
    public func ensureClient(_ client: IdentityClient) async throws -> ClientCredentials {
        let credentials = try perform(.ensureClient) { state in
            if let existing = state.clients[client.clientID] {
                state.adoptions[client.clientID, default: 0] += 1
                return ClientCredentials(clientID: client.clientID, clientSecret: existing.secret)
            }
            let generation = state.creations[client.clientID, default: 0] + 1
            state.creations[client.clientID] = generation
            let secret = "secret-\(client.clientID)-\(generation)"
            state.clients[client.clientID] = StoredClient(client: client, secret: secret)
            return ClientCredentials(clientID: client.clientID, clientSecret: secret)
        }
        await runHook(.ensureClient)
        return credentials
    }

    /// Removes the client if it exists, unless a fault is drawn.
    public func deleteClient(clientID: String) async throws {
        try perform(.deleteClient) { state in
            if state.clients.removeValue(forKey: clientID) != nil {
                state.deletions[clientID, default: 0] += 1
            }
        }
        await runHook(.deleteClient)
    }

    private func runHook(_ operation: Operation) async {
        if let hook = hook.withLock({ $0 }) { await hook(operation) }
    }

    /// Counts the call, then applies `effect` and the fault drawn for it in the order its timing says.
    private func perform<T: Sendable>(_ operation: Operation, _ effect: (inout State) -> T) throws -> T {
        let fault = faults.draw()
        return try state.withLock { state in
            state.calls[operation, default: 0] += 1
            if let fault, fault.timing == .beforeEffect { throw fault.error }
            let result = effect(&state)
            if let fault { throw fault.error }
            return result
        }
    }
}
