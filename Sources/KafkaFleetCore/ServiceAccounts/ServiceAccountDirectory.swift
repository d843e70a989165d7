/// Where service accounts live and how their secrets are issued: Keycloak's clients in production, the fleet's
/// own store in the embedded default. `ServiceAccountService` puts validation, limits and tenancy in front of it,
/// so a directory only keeps accounts and answers truthfully.
///
/// A directory lists only user service accounts (client ids `srvc-acct-…`), never the fleet's own clients
/// (canaries, agents). Failures are thrown as they come (`ProviderError`, `StoreError`); the service maps them to
/// the API's error codes.
public protocol ServiceAccountDirectory: Sendable {
    /// Creates the account with a newly generated secret and returns it with its id and that secret.
    func create(_ draft: ServiceAccountDraft) async throws -> IssuedServiceAccount
    /// Every account of the organisation.
    func accounts(organisationID: String) async throws -> [ServiceAccount]
    /// The account with this id, if it exists.
    func account(id: String) async throws -> ServiceAccount?
    /// The account with this client id, if it exists.
    func account(clientID: String) async throws -> ServiceAccount?
    /// Removes the account; a missing one is not an error.
    func delete(id: String) async throws
    /// Replaces the account's secret with a newly generated one and returns it; `nil` when the account is missing.
    func resetSecret(id: String) async throws -> String?
}
