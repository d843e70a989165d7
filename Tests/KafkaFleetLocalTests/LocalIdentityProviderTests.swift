import KafkaFleetCore
import KafkaFleetLocal
import Testing

@Suite("Local identity provider")
struct LocalIdentityProviderTests {
    static let canary = IdentityClient(clientID: "canary-abc", name: "canary", description: "canary of kafka abc",
                                       attributes: ["rh-org-id": "acme"])

    @Test("a client ensured twice is created once and adopted once, with one secret")
    func ensureAdopts() async throws {
        let identity = LocalIdentityProvider()

        let created = identity.ensure(Self.canary)
        let adopted = try await identity.ensureClient(IdentityClient(clientID: "canary-abc", name: "renamed", description: ""))

        #expect(created.outcome == .created)
        #expect(adopted == created.credentials)
        #expect(identity.ensure(Self.canary).outcome == .adopted)
        #expect(identity.clients["canary-abc"]?.client == Self.canary)
        #expect(identity.clients["canary-abc"]?.secret == created.credentials.clientSecret)
    }

    @Test("every created client gets its own random secret of 64 hexadecimal digits")
    func randomSecrets() async throws {
        let identity = LocalIdentityProvider()

        let first = try await identity.ensureClient(Self.canary)
        try await identity.deleteClient(clientID: Self.canary.clientID)
        let recreated = try await identity.ensureClient(Self.canary)
        let other = try await identity.ensureClient(IdentityClient(clientID: "kas-fleetshard-agent-c1", name: "agent", description: ""))

        #expect(Set([first.clientSecret, recreated.clientSecret, other.clientSecret]).count == 3)
        for secret in [first.clientSecret, recreated.clientSecret, other.clientSecret] {
            #expect(secret.count == 64)
            #expect(secret.allSatisfy { $0.isHexDigit && !$0.isUppercase })
        }
    }

    @Test("deleting a client removes it; deleting a missing one is not an error and removes nothing")
    func deleteIgnoresMissing() async throws {
        let identity = LocalIdentityProvider()
        identity.ensure(Self.canary)

        let removed = identity.remove(clientID: Self.canary.clientID)
        let removedAgain = identity.remove(clientID: Self.canary.clientID)
        try await identity.deleteClient(clientID: "never-created")

        #expect(removed)
        #expect(!removedAgain)
        #expect(identity.clients.isEmpty)
    }
}
