public import AsyncHTTPClient
import Foundation
public import KafkaFleetCore
public import Logging
import NIOHTTP1

/// A `ServiceAccountDirectory` over the Keycloak admin REST API, as the reference's MAS-SSO service accounts: each
/// account is a confidential client with service accounts enabled and the standard flow disabled, whose id is
/// Keycloak's internal client id and whose organisation, creator and creation time are client attributes
/// (`rh-org-id`, `username`, `rh-user-id`, `created_at`). A protocol mapper puts the organisation into the account's
/// tokens as the `rh-org-id` claim, so that its tokens act in its organisation.
///
/// Accounts of an organisation are found by attribute search (`q=rh-org-id:<org>`), page by page; clients whose
/// client id lacks the `srvc-acct-` prefix (canaries, agents) are never treated as service accounts. Keycloak
/// generates secrets; resetting one regenerates it. Failures are `ProviderError`s, classified as in
/// `KeycloakIdentityProvider`.
public final class KeycloakServiceAccountDirectory: ServiceAccountDirectory {
    private let session: KeycloakAdminSession
    private var http: ProviderHTTP { session.http }
    /// How many clients one search page asks for.
    private let pageSize: Int

    /// A directory sending through `httpClient` (shared, not shut down here), judging token expiry by `clock`.
    public init(
        configuration: KeycloakConfiguration, httpClient: HTTPClient = .shared, clock: any WallClock = SystemWallClock(),
        pageSize: Int = 100, logger: Logger = Logger(label: "kafkafleet.keycloak")
    ) {
        let http = ProviderHTTP(provider: "keycloak", client: httpClient, timeout: configuration.requestTimeout, logger: logger)
        self.session = KeycloakAdminSession(configuration: configuration, http: http, clock: clock)
        self.pageSize = max(1, pageSize)
    }

    public func create(_ draft: ServiceAccountDraft) async throws -> IssuedServiceAccount {
        let created = try await session.send(.POST, "/clients", body: try http.json(Self.representation(of: draft)))
        guard created.status == 201 else { throw http.failure(created, "create service account \(draft.clientID)") }
        let id: String
        if let location = created.headers.first(name: "location"), let last = location.split(separator: "/").last {
            id = String(last)
        } else if let found = try await client(clientID: draft.clientID) {
            id = found.id
        } else {
            throw ProviderError(.unavailable, provider: http.provider, "service account \(draft.clientID) vanished after its creation")
        }
        let secret = try await session.send(.GET, "/clients/\(percentEncode(id))/client-secret")
        guard secret.isSuccess else { throw http.failure(secret, "read the secret of service account \(draft.clientID)") }
        return IssuedServiceAccount(account: draft.account(id: id), clientSecret: try secretValue(secret, of: draft.clientID))
    }

    public func accounts(organisationID: String) async throws -> [ServiceAccount] {
        var accounts: [ServiceAccount] = []
        var first = 0
        while true {
            let page = try await session.send(.GET, "/clients", query: [
                ("q", "\(Attribute.organisation):\(organisationID)"), ("first", "\(first)"), ("max", "\(pageSize)"),
            ])
            guard page.isSuccess else { throw http.failure(page, "list the service accounts of organisation \(organisationID)") }
            let clients = try page.decode([ClientRepresentation].self, provider: http.provider)
            accounts += clients.compactMap(\.serviceAccount).filter { $0.organisationID == organisationID }
            if clients.count < pageSize { return accounts }
            first += clients.count
        }
    }

    public func account(id: String) async throws -> ServiceAccount? {
        let answer = try await session.send(.GET, "/clients/\(percentEncode(id))")
        if answer.status == 404 { return nil }
        guard answer.isSuccess else { throw http.failure(answer, "read service account \(id)") }
        return try answer.decode(ClientRepresentation.self, provider: http.provider).serviceAccount
    }

    public func account(clientID: String) async throws -> ServiceAccount? {
        try await client(clientID: clientID)?.serviceAccount
    }

    public func delete(id: String) async throws {
        let deleted = try await session.send(.DELETE, "/clients/\(percentEncode(id))")
        guard deleted.isSuccess || deleted.status == 404 else { throw http.failure(deleted, "delete service account \(id)") }
    }

    public func resetSecret(id: String) async throws -> String? {
        let answer = try await session.send(.POST, "/clients/\(percentEncode(id))/client-secret")
        if answer.status == 404 { return nil }
        guard answer.isSuccess else { throw http.failure(answer, "regenerate the secret of service account \(id)") }
        return try secretValue(answer, of: id)
    }

    // MARK: Keycloak representations

    /// The client attributes that carry what Keycloak has no field for.
    private enum Attribute {
        static let organisation = "rh-org-id"
        static let ownerAccountID = "rh-user-id"
        static let owner = "username"
        static let createdAt = "created_at"
    }

    /// The client a new service account is created as: its owner, organisation and creation time as attributes,
    /// and the organisation as a claim of its own tokens.
    private static func representation(of draft: ServiceAccountDraft) -> KeycloakClientRepresentation {
        KeycloakClientRepresentation(
            clientID: draft.clientID, name: draft.name, description: draft.description,
            attributes: [
                Attribute.organisation: draft.organisationID, Attribute.ownerAccountID: draft.ownerAccountID,
                Attribute.owner: draft.owner,
                Attribute.createdAt: draft.createdAt.formatted(Date.ISO8601FormatStyle(timeZone: .gmt)),
            ],
            protocolMappers: [.init(claim: Attribute.organisation, value: draft.organisationID)])
    }

    /// The fields of a ClientRepresentation read back.
    private struct ClientRepresentation: Decodable {
        var id: String
        var clientId: String
        var name: String?
        var description: String?
        var attributes: [String: String]?

        /// The service account this client is, or `nil` when it is another kind of client. A missing creation time
        /// reads as Go's zero time, which the reference shows for such clients.
        var serviceAccount: ServiceAccount? {
            guard clientId.hasPrefix(ServiceAccountRules.clientIDPrefix) else { return nil }
            let attributes = attributes ?? [:]
            let createdAt = attributes[Attribute.createdAt].flatMap { try? Date($0, strategy: .iso8601) }
            return ServiceAccount(
                id: id, clientID: clientId, name: name ?? "", description: description ?? "",
                organisationID: attributes[Attribute.organisation] ?? "", owner: attributes[Attribute.owner] ?? "",
                ownerAccountID: attributes[Attribute.ownerAccountID] ?? "",
                createdAt: createdAt ?? Date(timeIntervalSince1970: -62_135_596_800))
        }
    }

    /// A credential; `value` is the secret.
    private struct CredentialRepresentation: Decodable {
        var value: String?
    }

    private func client(clientID: String) async throws(ProviderError) -> ClientRepresentation? {
        let listed = try await session.send(.GET, "/clients", query: [("clientId", clientID)])
        guard listed.isSuccess else { throw http.failure(listed, "find service account \(clientID)") }
        return try listed.decode([ClientRepresentation].self, provider: http.provider).first { $0.clientId == clientID }
    }

    private func secretValue(_ response: ProviderResponse, of name: String) throws(ProviderError) -> String {
        guard let value = try response.decode(CredentialRepresentation.self, provider: http.provider).value, !value.isEmpty else {
            throw ProviderError(.rejected, provider: http.provider, "service account \(name) has no secret")
        }
        return value
    }
}
