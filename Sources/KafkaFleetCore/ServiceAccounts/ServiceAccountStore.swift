/// Persistence of service accounts for the embedded default's directory, so that accounts survive a restart.
///
/// Separate from `FleetStore` because only the store-backed directory needs it; the SQL and in-memory stores
/// implement both. Deletion is final (the reference deletes the Keycloak client, nothing is kept).
public protocol ServiceAccountStore: Sendable {
    /// Inserts the account. Returns false, storing nothing, when its id or client id is taken.
    func insertServiceAccount(_ account: StoredServiceAccount) async throws -> Bool
    /// The account with this id, if any.
    func serviceAccount(id: String) async throws -> StoredServiceAccount?
    /// The account with this client id, if any.
    func serviceAccount(clientID: String) async throws -> StoredServiceAccount?
    /// The organisation's accounts, oldest first (ties by id).
    func serviceAccounts(organisationID: String) async throws -> [StoredServiceAccount]
    /// Replaces the secret hash of the account. Returns false when there is no such account.
    func replaceServiceAccountSecret(id: String, secretSHA256: String) async throws -> Bool
    /// Removes the account. Returns false when there was no such account.
    func deleteServiceAccount(id: String) async throws -> Bool
}
