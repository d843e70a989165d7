import Foundation

/// A `ServiceAccountDirectory` on the fleet's own store, for the embedded default without Keycloak: accounts
/// survive a restart, ids are lowercase UUIDs (as Keycloak's), and only the SHA-256 of each secret is kept.
public struct StoreBackedServiceAccountDirectory: ServiceAccountDirectory {
    /// Where the accounts are kept.
    public let store: any ServiceAccountStore

    /// A directory over `store`.
    public init(store: any ServiceAccountStore) {
        self.store = store
    }

    public func create(_ draft: ServiceAccountDraft) async throws -> IssuedServiceAccount {
        let account = draft.account(id: UUID().uuidString.lowercased())
        let secret = ServiceAccountSecret.generate()
        guard try await store.insertServiceAccount(StoredServiceAccount(account: account, secretSHA256: ServiceAccountSecret.sha256(secret))) else {
            // Two random UUIDs collided: refuse rather than overwrite; the caller may simply ask again.
            throw FleetError(.failedToCreateServiceAccount, "failed to create service account")
        }
        return IssuedServiceAccount(account: account, clientSecret: secret)
    }

    public func accounts(organisationID: String) async throws -> [ServiceAccount] {
        try await store.serviceAccounts(organisationID: organisationID).map(\.account)
    }

    public func account(id: String) async throws -> ServiceAccount? {
        try await store.serviceAccount(id: id)?.account
    }

    public func account(clientID: String) async throws -> ServiceAccount? {
        try await store.serviceAccount(clientID: clientID)?.account
    }

    public func delete(id: String) async throws {
        _ = try await store.deleteServiceAccount(id: id)
    }

    public func resetSecret(id: String) async throws -> String? {
        let secret = ServiceAccountSecret.generate()
        return try await store.replaceServiceAccountSecret(id: id, secretSHA256: ServiceAccountSecret.sha256(secret)) ? secret : nil
    }
}
