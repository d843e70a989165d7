import Foundation
import KafkaFleetCore
import KafkaFleetTesting

/// Stands in for your own identity provider (Keycloak, say): an `IdentityProvider` that keeps its clients in memory.
///
/// `ensureClient` adopts a client that exists and returns its secret, as the protocol asks, so a pass that is
/// retried after a crash or a lost write never creates a client twice. Its calls fail as `faults` (the test kit's
/// fault injection) says, as a real provider's would when its server is away.
actor RecordingIdentityProvider: IdentityProvider {
    /// The clients that exist now: secret by client id.
    private(set) var secrets: [String: String] = [:]
    /// Which calls fail: none unless the program queues failures.
    let faults = FaultInjection(provider: "example-identity")

    func ensureClient(_ client: IdentityClient) async throws -> ClientCredentials {
        if let (error, _) = faults.draw() {
            print("  identity: cannot create client \(client.clientID) (injected failure); the reconciler will retry")
            throw error
        }
        if let secret = secrets[client.clientID] {
            return ClientCredentials(clientID: client.clientID, clientSecret: secret)
        }
        let secret = UUID().uuidString
        secrets[client.clientID] = secret
        print("  identity: created client \(client.clientID)")
        return ClientCredentials(clientID: client.clientID, clientSecret: secret)
    }

    func deleteClient(clientID: String) async throws {
        if secrets.removeValue(forKey: clientID) != nil { print("  identity: removed client \(clientID)") }
    }
}
