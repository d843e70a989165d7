import Foundation
import Hummingbird
import HummingbirdTesting
import KafkaFleetCore
import KafkaFleetProviders
import Testing

@Suite("Keycloak service-account directory against a fake Keycloak")
struct KeycloakServiceAccountDirectoryTests {
    static let createdAt = Date(timeIntervalSince1970: 1_700_000_000)

    /// A draft of `org`'s account named `name`, with a fresh client id.
    static func draft(_ name: String, org: String = "13640203", owner: String = "alice", accountID: String = "u1") -> ServiceAccountDraft {
        ServiceAccountDraft(clientID: "srvc-acct-\(UUID().uuidString.lowercased())", name: name, description: "for \(name)",
                            organisationID: org, owner: owner, ownerAccountID: accountID, createdAt: createdAt)
    }

    /// Runs `body` with a live fake Keycloak and a directory pointing at it.
    static func withKeycloak(
        pageSize: Int = 100, _ body: @Sendable (FakeKeycloak, KeycloakServiceAccountDirectory) async throws -> Void
    ) async throws {
        let fake = FakeKeycloak()
        try await fake.application.test(.live) { client in
            let directory = KeycloakServiceAccountDirectory(
                configuration: KeycloakConfiguration(
                    baseURL: "http://localhost:\(try #require(client.port))", realm: fake.realm,
                    clientID: fake.adminClientID, clientSecret: fake.adminSecret),
                pageSize: pageSize)
            try await body(fake, directory)
        }
    }

    @Test("an account is created as a confidential service-account client with its owner and organisation as attributes")
    func createsClient() async throws {
        try await Self.withKeycloak { fake, directory in
            // Given an empty realm
            let draft = Self.draft("billing")

            // When the account is created
            let issued = try await directory.create(draft)

            // Then it is Keycloak's client, with Keycloak's id and generated secret
            let (id, stored) = try #require(fake.clients.first)
            #expect(issued.account == draft.account(id: id))
            #expect(issued.clientSecret == stored.secret)
            let representation = try #require(try JSONSerialization.jsonObject(with: stored.representation) as? [String: Any])
            #expect(representation["clientId"] as? String == draft.clientID)
            #expect(representation["name"] as? String == "billing")
            #expect(representation["description"] as? String == "for billing")
            #expect(representation["serviceAccountsEnabled"] as? Bool == true)
            #expect(representation["standardFlowEnabled"] as? Bool == false)
            #expect(representation["publicClient"] as? Bool == false)
            #expect(representation["attributes"] as? [String: String] == [
                "rh-org-id": "13640203", "rh-user-id": "u1", "username": "alice", "created_at": "2023-11-14T22:13:20Z",
            ])
            // And its tokens carry its organisation
            let mappers = try #require(representation["protocolMappers"] as? [[String: Any]])
            #expect(mappers.count == 1)
            #expect((mappers.first?["config"] as? [String: String])?["claim.value"] == "13640203")
            #expect((mappers.first?["config"] as? [String: String])?["claim.name"] == "rh-org-id")
        }
    }

    @Test("an organisation's accounts are found by attribute, page by page, without other organisations' or the fleet's own clients")
    func listsByOrganisation() async throws {
        try await Self.withKeycloak(pageSize: 2) { fake, directory in
            // Given five accounts of one organisation, one of another, and a canary client of the same organisation
            var mine: [ServiceAccount] = []
            for index in 0..<5 { mine.append(try await directory.create(Self.draft("app-\(index)")).account) }
            _ = try await directory.create(Self.draft("theirs", org: "other"))
            fake.seed(clientID: "canary-abc", secret: "s", attributes: ["rh-org-id": "13640203"])

            // When the organisation's accounts are listed
            let listed = try await directory.accounts(organisationID: "13640203")

            // Then exactly its five accounts come back, read from the attributes
            #expect(Set(listed) == Set(mine))
            #expect(listed.count == 5)
        }
    }

    @Test("an account is read by id and by client id; a missing one or another kind of client is nil")
    func readsAccount() async throws {
        try await Self.withKeycloak { fake, directory in
            // Given an account and a canary client
            let account = try await directory.create(Self.draft("reader")).account
            let canary = fake.seed(clientID: "canary-abc", secret: "s", attributes: ["rh-org-id": "13640203"])

            // When they are read, Then the account is found both ways and the rest is nil
            #expect(try await directory.account(id: account.id) == account)
            #expect(try await directory.account(clientID: account.clientID) == account)
            #expect(try await directory.account(id: UUID().uuidString.lowercased()) == nil)
            #expect(try await directory.account(clientID: "srvc-acct-\(UUID().uuidString.lowercased())") == nil)
            #expect(try await directory.account(id: canary) == nil)
            #expect(try await directory.account(clientID: "canary-abc") == nil)
        }
    }

    @Test("resetting a secret makes Keycloak generate a new one; a missing account is nil")
    func resetsSecret() async throws {
        try await Self.withKeycloak { fake, directory in
            // Given an account
            let issued = try await directory.create(Self.draft("rotating"))

            // When its secret is reset
            let secret = try #require(try await directory.resetSecret(id: issued.account.id))

            // Then Keycloak holds the new secret, and the old one is gone
            #expect(secret != issued.clientSecret)
            #expect(fake.clients[issued.account.id]?.secret == secret)
            #expect(try await directory.resetSecret(id: UUID().uuidString.lowercased()) == nil)
        }
    }

    @Test("deleting an account removes its client, and deleting it again is not an error")
    func deletes() async throws {
        try await Self.withKeycloak { fake, directory in
            let account = try await directory.create(Self.draft("short-lived")).account
            try await directory.delete(id: account.id)
            try await directory.delete(id: account.id)
            #expect(fake.clients.isEmpty)
        }
    }

    @Test("Keycloak's failures are provider errors, retryable or not", arguments: [
        (HTTPResponse.Status.serviceUnavailable, ProviderError.Code.unavailable), (.forbidden, .rejected),
    ])
    func failures(status: HTTPResponse.Status, expected: ProviderError.Code) async throws {
        try await Self.withKeycloak { fake, directory in
            // Given a Keycloak answering the next admin requests with this status
            fake.fail(with: status, status)

            // When accounts are listed and read, Then both fail with the expected class
            let listing = await #expect(throws: ProviderError.self) { try await directory.accounts(organisationID: "13640203") }
            #expect(listing?.code == expected)
            let reading = await #expect(throws: ProviderError.self) { try await directory.account(id: UUID().uuidString.lowercased()) }
            #expect(reading?.code == expected)
        }
    }
}
