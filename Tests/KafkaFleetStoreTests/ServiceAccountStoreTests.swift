import Foundation
import KafkaFleetCore
import KafkaFleetStore
import Testing

/// Service accounts of the embedded default, on every backend.
@Suite("Service accounts")
struct ServiceAccountStoreTests {
    /// A stored account of `org` created at `created`, with the hash of `secret`.
    static func makeAccount(_ name: String, org: String = "org-a", owner: String = "alice", created: Date = t0,
                            secret: String = "s3cret") -> StoredServiceAccount {
        let account = ServiceAccount(
            id: UUID().uuidString.lowercased(), clientID: "srvc-acct-\(UUID().uuidString.lowercased())", name: name,
            description: "account \(name)", organisationID: org, owner: owner, ownerAccountID: "acct-\(owner)",
            createdAt: milliseconds(created))
        return StoredServiceAccount(account: account, secretSHA256: ServiceAccountSecret.sha256(secret))
    }

    /// Runs `body` with a fresh store of `backend` as a service-account store.
    func withAccounts<R: Sendable>(_ backend: TestBackend, _ body: (any ServiceAccountStore) async throws -> R) async throws -> R {
        try await withStore(backend) { store in
            let accounts = try #require(store as? any ServiceAccountStore)
            return try await body(accounts)
        }
    }

    @Test("an account is stored once and read back by id and by client id", arguments: TestBackend.all)
    func roundTrip(backend: TestBackend) async throws {
        try await withAccounts(backend) { store async throws in
            // Given an account
            let stored = Self.makeAccount("billing")

            // When it is inserted, Then it reads back equal both ways
            #expect(try await store.insertServiceAccount(stored))
            #expect(try await store.serviceAccount(id: stored.account.id) == stored)
            #expect(try await store.serviceAccount(clientID: stored.account.clientID) == stored)
            #expect(try await store.serviceAccount(id: UUID().uuidString.lowercased()) == nil)
            #expect(try await store.serviceAccount(clientID: "srvc-acct-missing") == nil)
        }
    }

    @Test("an id or client id that is taken is refused and the first account kept", arguments: TestBackend.all)
    func uniqueness(backend: TestBackend) async throws {
        try await withAccounts(backend) { store async throws in
            // Given a stored account
            let first = Self.makeAccount("first")
            #expect(try await store.insertServiceAccount(first))

            // When another one reuses its id, or its client id (from another organisation)
            var sameID = Self.makeAccount("same-id")
            sameID.account.id = first.account.id
            var sameClientID = Self.makeAccount("same-client-id", org: "org-b")
            sameClientID.account.clientID = first.account.clientID

            // Then both are refused, and nothing changed
            #expect(try await store.insertServiceAccount(sameID) == false)
            #expect(try await store.insertServiceAccount(sameClientID) == false)
            #expect(try await store.serviceAccount(id: first.account.id) == first)
            #expect(try await store.serviceAccounts(organisationID: "org-b").isEmpty)
        }
    }

    @Test("an organisation's accounts are listed oldest first, and only its own", arguments: TestBackend.all)
    func listsByOrganisation(backend: TestBackend) async throws {
        try await withAccounts(backend) { store async throws in
            // Given accounts of two organisations, inserted out of creation order
            let later = Self.makeAccount("later", created: at(20))
            let earlier = Self.makeAccount("earlier", created: at(10))
            let other = Self.makeAccount("other", org: "org-b", created: at(5))
            for account in [later, earlier, other] { #expect(try await store.insertServiceAccount(account)) }

            // When org-a's are listed, Then they come oldest first without org-b's
            #expect(try await store.serviceAccounts(organisationID: "org-a") == [earlier, later])
            #expect(try await store.serviceAccounts(organisationID: "org-c").isEmpty)
        }
    }

    @Test("a secret's hash is replaced and an account deleted; a missing account is reported", arguments: TestBackend.all)
    func replaceAndDelete(backend: TestBackend) async throws {
        try await withAccounts(backend) { store async throws in
            // Given a stored account
            let stored = Self.makeAccount("rotating")
            #expect(try await store.insertServiceAccount(stored))

            // When its secret hash is replaced, Then only the hash changed
            let newHash = ServiceAccountSecret.sha256("n3w")
            #expect(try await store.replaceServiceAccountSecret(id: stored.account.id, secretSHA256: newHash))
            #expect(try await store.serviceAccount(id: stored.account.id) == StoredServiceAccount(account: stored.account, secretSHA256: newHash))

            // When it is deleted, Then it is gone, and later calls report it missing
            #expect(try await store.deleteServiceAccount(id: stored.account.id))
            #expect(try await store.serviceAccount(id: stored.account.id) == nil)
            #expect(try await store.deleteServiceAccount(id: stored.account.id) == false)
            #expect(try await store.replaceServiceAccountSecret(id: stored.account.id, secretSHA256: newHash) == false)
        }
    }

    @Test("accounts survive closing and reopening the SQLite file")
    func survivesRestart() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("kafkafleet-sa-\(UUID().uuidString).sqlite").path
        defer {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        }
        // Given an account stored by one daemon run
        let stored = Self.makeAccount("durable")
        try await SQLFleetStore.sqlite(path: path).withRunning { store in
            try await store.migrate()
            #expect(try await store.insertServiceAccount(stored))
        }

        // When the next run opens the same file, Then the account is still there, with its hash
        try await SQLFleetStore.sqlite(path: path).withRunning { store in
            try await store.migrate()
            #expect(try await store.serviceAccounts(organisationID: "org-a") == [stored])
        }
    }
}
