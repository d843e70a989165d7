import Foundation
import KafkaFleetCore
import KafkaFleetLocal
import Testing

@Suite("Service account use cases")
struct ServiceAccountServiceTests {
    static let alice = Requester(username: "alice", organisationID: "org-1")
    static let bob = Requester(username: "bob", organisationID: "org-1")
    static let admin = Requester(username: "carol", organisationID: "org-1", isOrgAdmin: true)
    static let stranger = Requester(username: "alice", organisationID: "org-2", isOrgAdmin: true)

    let store = InMemoryFleetStore()
    let clock = ManualWallClock(Date(timeIntervalSince1970: 1_700_000_000.75))

    func service(_ settings: ServiceAccountSettings = ServiceAccountSettings()) -> ServiceAccountService {
        ServiceAccountService(directory: StoreBackedServiceAccountDirectory(store: store), clock: clock, settings: settings)
    }

    @Test("a created account belongs to its creator's organisation, has a srvc-acct client id and only its secret's hash is kept")
    func create() async throws {
        // When alice creates an account
        let issued = try await service().create(name: "billing", description: "Pays, bills.", by: Self.alice)

        // Then it is hers, created to the second, with a UUID id and a srvc-acct client id
        let account = issued.account
        #expect(account.organisationID == "org-1" && account.owner == "alice")
        #expect(account.createdAt == Date(timeIntervalSince1970: 1_700_000_000))
        #expect(UUID(uuidString: account.id) != nil && account.id == account.id.lowercased())
        try ServiceAccountRules.validate(clientID: account.clientID)
        // And the store holds the SHA-256 of the secret, never the secret
        let stored = try #require(await store.serviceAccount(id: account.id))
        #expect(stored.secretSHA256 == ServiceAccountSecret.sha256(issued.clientSecret))
        #expect(stored.secretSHA256 != issued.clientSecret && issued.clientSecret.count == ServiceAccountSecret.length)
    }

    @Test("input is checked in the reference's order", arguments: [
        (String?.none, String?.none, 33, "name is not valid, minimum length 1 is required"),
        (String(repeating: "a", count: 51), "bad!", 34, "name is not valid, maximum length 50 is required"),
        ("Bad", String(repeating: "d", count: 256), 34, "description is not valid, maximum length 255 is required"),
        ("Bad", "bad!", 38, "name does not match ^[a-z]([-a-z0-9]*[a-z0-9])?$"),
        ("good-name", "bad!", 39, #"description does not match ^[a-zA-Z0-9.,\-\s]*$"#),
    ])
    func validation(name: String?, description: String?, code: Int, reason: String) async throws {
        await #expect(throws: FleetError(FleetError.Code(rawValue: code)!, reason)) {
            try await service().create(name: name, description: description, by: Self.alice)
        }
    }

    @Test("an organisation over its limit is refused with 115, unless it is exempt")
    func limit() async throws {
        // Given an organisation with its two allowed accounts
        let limited = service(ServiceAccountSettings(maximumPerOrganisation: 2))
        for name in ["one", "two"] { _ = try await limited.create(name: name, description: nil, by: Self.alice) }

        // When a third is asked for, Then it is refused
        await #expect(throws: FleetError(.maxLimitForServiceAccountsReached,
                                         "Max allowed number:2 of service accounts for user in org:org-1 has reached")) {
            try await limited.create(name: "three", description: nil, by: Self.bob)
        }
        // And an exempt organisation may go on
        let exempt = service(ServiceAccountSettings(maximumPerOrganisation: 2, unlimitedOrganisations: ["org-1"]))
        _ = try await exempt.create(name: "three", description: nil, by: Self.bob)
        #expect(try await exempt.list(by: Self.alice).count == 3)
    }

    @Test("members list all the org's accounts; only the owner reads one; owner and admins delete and reset; others get 403 4")
    func tenancy() async throws {
        let service = service()
        let account = try await service.create(name: "owned", description: nil, by: Self.alice).account

        #expect(try await service.list(by: Self.bob).map(\.id) == [account.id])
        #expect(try await service.list(by: Self.stranger).isEmpty)
        #expect(try await service.account(id: account.id, by: Self.alice) == account)
        #expect(try await service.account(clientID: account.clientID, by: Self.alice) == account)
        for requester in [Self.bob, Self.admin, Self.stranger] {
            await #expect(throws: FleetError(.forbidden, "failed to get service account")) {
                try await service.account(id: account.id, by: requester)
            }
        }
        await #expect(throws: FleetError(.forbidden, "failed to delete service account")) {
            try await service.delete(id: account.id, by: Self.bob)
        }
        await #expect(throws: FleetError(.forbidden, "failed to reset service account credentials")) {
            try await service.resetCredentials(id: account.id, by: Self.stranger)
        }
        let reset = try await service.resetCredentials(id: account.id, by: Self.admin)
        #expect(await store.serviceAccount(id: account.id)?.secretSHA256 == ServiceAccountSecret.sha256(reset.clientSecret))
        try await service.delete(id: account.id, by: Self.admin)
        await #expect(throws: FleetError(.serviceAccountNotFound, "service account not found \(account.id)")) {
            try await service.account(id: account.id, by: Self.alice)
        }
    }

    @Test("the owner is matched by account id when both sides have one, else by username")
    func ownerByAccountID() async throws {
        let service = service()
        let withAccount = Requester(username: "alice", organisationID: "org-1", accountID: "a-1")
        let account = try await service.create(name: "mine", description: nil, by: withAccount).account

        // The same account id under another username is the owner; the same username with another account id is not
        let renamed = Requester(username: "alice.renamed", organisationID: "org-1", accountID: "a-1")
        #expect(try await service.account(id: account.id, by: renamed) == account)
        let namesake = Requester(username: "alice", organisationID: "org-1", accountID: "a-2")
        await #expect(throws: FleetError.self) { try await service.account(id: account.id, by: namesake) }
        // A token without an account id falls back to the username
        #expect(try await service.account(id: account.id, by: Self.alice) == account)
    }

    @Test("ids and client ids of the wrong shape are refused before any lookup", arguments: [
        ("not-a-uuid", 40, "id does not match ^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"),
        (String(repeating: "a", count: 37), 34, "id is not valid, maximum length 36 is required"),
        ("6B29FC40-CA47-1067-B31D-00DD010662DA", 40, "id does not match ^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"),
    ])
    func malformedIDs(id: String, code: Int, reason: String) async throws {
        await #expect(throws: FleetError(FleetError.Code(rawValue: code)!, reason)) {
            try await service().account(id: id, by: Self.alice)
        }
    }

    @Test("a directory that fails is answered with the reference's code for the step, not its details")
    func directoryFailures() async throws {
        let broken = ServiceAccountService(directory: BrokenDirectory())
        await #expect(throws: FleetError(.general, "failed to collect service accounts")) { try await broken.list(by: Self.alice) }
        await #expect(throws: FleetError(.general, "failed to create service account")) {
            try await broken.create(name: "x", description: nil, by: Self.alice)
        }
        let id = UUID().uuidString.lowercased()
        await #expect(throws: FleetError(.failedToGetServiceAccount, "failed to get the service account \(id)")) {
            try await broken.delete(id: id, by: Self.alice)
        }
    }
}

/// A directory whose every call fails as an unreachable provider would.
private struct BrokenDirectory: ServiceAccountDirectory {
    static let failure = ProviderError(.unavailable, provider: "keycloak", "connection refused")
    func create(_ draft: ServiceAccountDraft) async throws -> IssuedServiceAccount { throw Self.failure }
    func accounts(organisationID: String) async throws -> [ServiceAccount] { throw Self.failure }
    func account(id: String) async throws -> ServiceAccount? { throw Self.failure }
    func account(clientID: String) async throws -> ServiceAccount? { throw Self.failure }
    func delete(id: String) async throws { throw Self.failure }
    func resetSecret(id: String) async throws -> String? { throw Self.failure }
}
