import Foundation
import Hummingbird
import HummingbirdTesting
import KafkaFleetCore
import KafkaFleetProviders
import Testing

@Suite("Keycloak identity provider against a fake Keycloak")
struct KeycloakIdentityProviderTests {
    static let canary = IdentityClient(
        clientID: "canary-abc", name: "canary-service-account-for-kafka abc",
        description: "canary service account for kafka abc", attributes: ["rh-org-id": "13640203", "rh-user-id": "u1"])

    /// Runs `body` with a live fake Keycloak and an adapter pointing at it.
    static func withKeycloak(
        clock: ManualWallClock = ManualWallClock(),
        _ body: @Sendable (FakeKeycloak, KeycloakIdentityProvider) async throws -> Void
    ) async throws {
        let fake = FakeKeycloak()
        try await fake.application.test(.live) { client in
            let adapter = KeycloakIdentityProvider(
                configuration: KeycloakConfiguration(
                    baseURL: "http://localhost:\(try #require(client.port))/", realm: fake.realm,
                    clientID: fake.adminClientID, clientSecret: fake.adminSecret),
                clock: clock)
            try await body(fake, adapter)
        }
    }

    @Test("a new client is created as a service account and its generated secret returned")
    func createsClient() async throws {
        try await Self.withKeycloak { fake, keycloak in
            // Given an empty realm
            // When the canary client is ensured
            let credentials = try await keycloak.ensureClient(Self.canary)

            // Then it exists once, as a confidential service-account client with the attributes, and its secret is returned
            let stored = try #require(fake.clients.values.first)
            #expect(fake.clients.count == 1)
            #expect(credentials == ClientCredentials(clientID: "canary-abc", clientSecret: stored.secret))
            let representation = try #require(try JSONSerialization.jsonObject(with: stored.representation) as? [String: Any])
            #expect(representation["clientId"] as? String == "canary-abc")
            #expect(representation["name"] as? String == Self.canary.name)
            #expect(representation["description"] as? String == Self.canary.description)
            #expect(representation["serviceAccountsEnabled"] as? Bool == true)
            #expect(representation["standardFlowEnabled"] as? Bool == false)
            #expect(representation["publicClient"] as? Bool == false)
            #expect(representation["attributes"] as? [String: String] == Self.canary.attributes)
            #expect(fake.logins == 1)
        }
    }

    @Test("a client that exists already is adopted (409) and its existing secret returned")
    func adoptsExistingClient() async throws {
        try await Self.withKeycloak { fake, keycloak in
            // Given a client created earlier whose answer was lost
            fake.seed(clientID: "canary-abc", secret: "earlier-secret")

            // When it is ensured twice
            let first = try await keycloak.ensureClient(Self.canary)
            let second = try await keycloak.ensureClient(Self.canary)

            // Then both calls adopt it: Keycloak answered 409 twice, and no second client exists
            #expect(first.clientSecret == "earlier-secret")
            #expect(second == first)
            #expect(fake.createAnswers == [409, 409])
            #expect(fake.clients.count == 1)
        }
    }

    @Test("the access token is reused until shortly before it expires, then renewed")
    func tokenIsCached() async throws {
        let clock = ManualWallClock()
        try await Self.withKeycloak(clock: clock) { fake, keycloak in
            // Given a first call that logged in
            _ = try await keycloak.ensureClient(Self.canary)

            // When more calls follow within the token's lifetime
            clock.advance(by: .seconds(fake.tokenLifetime - 60))
            _ = try await keycloak.ensureClient(Self.canary)
            try await keycloak.deleteClient(clientID: "other")

            // Then no new login happened
            #expect(fake.logins == 1)

            // When the clock reaches the refresh margin (30 s before expiry)
            clock.advance(by: .seconds(31))
            try await keycloak.deleteClient(clientID: "canary-abc")

            // Then the adapter logged in again
            #expect(fake.logins == 2)
            #expect(fake.clients.isEmpty)
        }
    }

    @Test("a token Keycloak refuses (401) makes the adapter log in again once and repeat the request")
    func reLoginOn401() async throws {
        try await Self.withKeycloak { fake, keycloak in
            // Given a cached token that Keycloak has expired
            _ = try await keycloak.ensureClient(Self.canary)
            fake.expireTokens()

            // When another client is ensured
            let agent = IdentityClient(clientID: "kas-fleetshard-agent-c1", name: "agent", description: "agent of c1")
            let credentials = try await keycloak.ensureClient(agent)

            // Then it logged in once more and the request succeeded
            #expect(fake.logins == 2)
            #expect(credentials.clientID == "kas-fleetshard-agent-c1")
            #expect(fake.clients.count == 2)
        }
    }

    @Test("a second 401 after logging in again is a permanent error, not a loop")
    func persistent401() async throws {
        try await Self.withKeycloak { fake, keycloak in
            // Given a Keycloak refusing every token (e.g. the account lost its role)
            fake.rejectEveryToken()

            // When a client is ensured, Then it fails permanently after exactly two logins
            let error = await #expect(throws: ProviderError.self) { try await keycloak.ensureClient(Self.canary) }
            #expect(error?.code == .rejected)
            #expect(error?.detail.contains("401") == true)
            #expect(fake.logins == 2)
        }
    }

    @Test("deleting a client removes it, and deleting it again is not an error")
    func deleteIsIdempotent() async throws {
        try await Self.withKeycloak { fake, keycloak in
            // Given an existing client
            _ = try await keycloak.ensureClient(Self.canary)

            // When it is deleted twice
            try await keycloak.deleteClient(clientID: "canary-abc")
            try await keycloak.deleteClient(clientID: "canary-abc")

            // Then it is gone
            #expect(fake.clients.isEmpty)
        }
    }

    @Test(
        "server errors are retryable and refusals permanent",
        arguments: [
            (HTTPResponse.Status.serviceUnavailable, ProviderError.Code.unavailable),
            (.internalServerError, .unavailable),
            (.tooManyRequests, .unavailable),
            (.forbidden, .rejected),
            (.badRequest, .rejected),
        ])
    func classification(status: HTTPResponse.Status, expected: ProviderError.Code) async throws {
        try await Self.withKeycloak { fake, keycloak in
            // Given a Keycloak answering the next admin request with this status
            fake.fail(with: status)

            // When a client is ensured, Then the error has the expected class
            let error = await #expect(throws: ProviderError.self) { try await keycloak.ensureClient(Self.canary) }
            #expect(error?.code == expected)
            #expect(error?.provider == "keycloak")
        }
    }

    @Test("wrong admin credentials are a permanent error")
    func badCredentials() async throws {
        let fake = FakeKeycloak()
        try await fake.application.test(.live) { client in
            // Given an adapter with a wrong secret
            let keycloak = KeycloakIdentityProvider(configuration: KeycloakConfiguration(
                baseURL: "http://localhost:\(try #require(client.port))", realm: fake.realm,
                clientID: fake.adminClientID, clientSecret: "wrong"))

            // When it needs a token, Then it fails permanently
            let error = await #expect(throws: ProviderError.self) { try await keycloak.deleteClient(clientID: "x") }
            #expect(error?.code == .rejected)
        }
    }
}
