public import KafkaFleetCore
import Synchronization

/// An `IdentityProvider` that keeps its clients in process memory, for a fleet on a laptop with no Keycloak.
///
/// `kafkafleetd` uses it when no Keycloak is configured: the reconcilers create and delete kafkas' canary clients
/// and clusters' agent clients exactly as they would in Keycloak, and every client gets a new random secret. No
/// token can be obtained with these credentials (there is no token endpoint), so they only show what a fleet would
/// hand out. The clients live as long as the process: after a restart, an `ensureClient` of a client the fleet
/// made before creates it again with a new secret.
///
/// Calls never fail. `ensure(_:)` and `remove(clientID:)` are the same operations as the protocol's, and also say
/// what they changed.
public final class LocalIdentityProvider: IdentityProvider {
    /// A client the provider holds.
    public struct RegisteredClient: Sendable, Hashable {
        /// The client as it was first created.
        public var client: IdentityClient
        /// Its secret.
        public var secret: String
    }

    /// What `ensure(_:)` did.
    public enum Outcome: Sendable, Hashable {
        /// The client did not exist and was created with a new secret.
        case created
        /// The client existed and was adopted as it is, secret included.
        case adopted
    }

    private let state = Mutex<[String: RegisteredClient]>([:])

    /// No clients.
    public init() {}

    /// The current clients by client id.
    public var clients: [String: RegisteredClient] { state.withLock { $0 } }

    /// Adopts the client if it exists, or creates it with a new random secret; returns its credentials.
    public func ensureClient(_ client: IdentityClient) async throws -> ClientCredentials {
        ensure(client).credentials
    }

    /// Removes the client if it exists.
    public func deleteClient(clientID: String) async throws {
        remove(clientID: clientID)
    }

    /// Adopts the client if it exists, or creates it with a new random secret; returns its credentials and which
    /// of the two happened.
    @discardableResult
    public func ensure(_ client: IdentityClient) -> (credentials: ClientCredentials, outcome: Outcome) {
        state.withLock { clients in
            if let existing = clients[client.clientID] {
                return (ClientCredentials(clientID: client.clientID, clientSecret: existing.secret), .adopted)
            }
            let secret = Self.newSecret()
            clients[client.clientID] = RegisteredClient(client: client, secret: secret)
            return (ClientCredentials(clientID: client.clientID, clientSecret: secret), .created)
        }
    }

    /// Removes the client, and returns whether it existed.
    @discardableResult
    public func remove(clientID: String) -> Bool {
        state.withLock { $0.removeValue(forKey: clientID) != nil }
    }

    /// 256 bits from the system's secure generator, as 64 hexadecimal digits.
    private static func newSecret() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<4).map { _ in
            let digits = String(generator.next(), radix: 16)
            return String(repeating: "0", count: 16 - digits.count) + digits
        }.joined()
    }
}
