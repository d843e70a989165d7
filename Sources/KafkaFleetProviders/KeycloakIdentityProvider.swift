public import AsyncHTTPClient
public import KafkaFleetCore
public import Logging
import NIOHTTP1

/// Where `KeycloakIdentityProvider` manages clients and the service account it logs in with.
public struct KeycloakConfiguration: Sendable {
    /// The server's base URL, e.g. `https://sso.example.com`.
    public var baseURL: String
    /// The path Keycloak is served under: `/auth` (the reference's MAS-SSO, Keycloak before 17) or `""`.
    public var contextPath: String
    /// The realm whose clients are managed, e.g. `rhoas`.
    public var realm: String
    /// The client id of the service account that logs in (it needs the realm's `manage-clients` role).
    public var clientID: String
    /// Its secret.
    public var clientSecret: String
    /// How long one request may take.
    public var requestTimeout: Duration
    /// How long before its expiry an access token is replaced, so that none expires in flight.
    public var tokenRefreshMargin: Duration

    /// A configuration with the `/auth` context path, a 30 s request timeout and a 30 s refresh margin by default.
    public init(
        baseURL: String, realm: String, clientID: String, clientSecret: String, contextPath: String = "/auth",
        requestTimeout: Duration = .seconds(30), tokenRefreshMargin: Duration = .seconds(30)
    ) {
        self.baseURL = baseURL
        self.realm = realm
        self.clientID = clientID
        self.clientSecret = clientSecret
        self.contextPath = contextPath
        self.requestTimeout = requestTimeout
        self.tokenRefreshMargin = tokenRefreshMargin
    }
}

/// An `IdentityProvider` over the Keycloak admin REST API (the reference's MAS-SSO provider): per-kafka
/// canary service accounts and per-cluster agent clients are confidential clients with service accounts
/// enabled and the standard flow disabled.
///
/// It logs in with the client-credentials grant and keeps the access token until shortly before it
/// expires; an answer of 401 (a token revoked or expired early) makes it log in again and repeat the
/// request once. `ensureClient` creates the client and reads its generated secret; a 409 (the client
/// exists, e.g. created by an earlier pass whose answer was lost) adopts the existing client. Deleting a
/// client that does not exist is not an error.
///
/// Failures are `ProviderError`s: transport errors, 5xx and 429 are `.unavailable`, other refusals `.rejected`.
public final class KeycloakIdentityProvider: IdentityProvider {
    private let session: KeycloakAdminSession
    private var http: ProviderHTTP { session.http }

    /// An adapter sending through `httpClient` (shared, not shut down by the adapter), judging token
    /// expiry by `clock`.
    public init(
        configuration: KeycloakConfiguration, httpClient: HTTPClient = .shared,
        clock: any WallClock = SystemWallClock(), logger: Logger = Logger(label: "kafkafleet.keycloak")
    ) {
        let http = ProviderHTTP(provider: "keycloak", client: httpClient, timeout: configuration.requestTimeout, logger: logger)
        self.session = KeycloakAdminSession(configuration: configuration, http: http, clock: clock)
    }

    /// Creates the client, or adopts it when Keycloak answers 409, and returns its secret.
    public func ensureClient(_ client: IdentityClient) async throws -> ClientCredentials {
        let body = try http.json(KeycloakClientRepresentation(
            clientID: client.clientID, name: client.name, description: client.description, attributes: client.attributes))
        let created = try await session.send(.POST, "/clients", body: body)
        let internalID: String
        switch created.status {
        case 201:
            if let location = created.headers.first(name: "location"), let id = location.split(separator: "/").last {
                internalID = String(id)
            } else {
                internalID = try await requireInternalID(of: client.clientID)
            }
        case 409:
            http.logger.debug("client exists; adopting it", metadata: ["clientId": "\(client.clientID)"])
            internalID = try await requireInternalID(of: client.clientID)
        default:
            throw http.failure(created, "create client \(client.clientID)")
        }
        let secret = try await session.send(.GET, "/clients/\(percentEncode(internalID))/client-secret")
        guard secret.isSuccess else { throw http.failure(secret, "read the secret of client \(client.clientID)") }
        let credential = try secret.decode(CredentialRepresentation.self, provider: http.provider)
        guard let value = credential.value, !value.isEmpty else {
            throw ProviderError(.rejected, provider: http.provider, "client \(client.clientID) has no secret (is it public?)")
        }
        return ClientCredentials(clientID: client.clientID, clientSecret: value)
    }

    /// Deletes the client with this client id; a missing one is not an error.
    public func deleteClient(clientID: String) async throws {
        guard let internalID = try await internalID(of: clientID) else { return }
        let deleted = try await session.send(.DELETE, "/clients/\(percentEncode(internalID))")
        guard deleted.isSuccess || deleted.status == 404 else { throw http.failure(deleted, "delete client \(clientID)") }
    }

    // MARK: clients

    /// A client as listed: its internal id and client id.
    private struct ClientSummary: Decodable {
        var id: String
        var clientId: String
    }

    /// A credential; `value` is the secret.
    private struct CredentialRepresentation: Decodable {
        var value: String?
    }

    /// The internal id (a UUID) of the client with this client id, if it exists.
    private func internalID(of clientID: String) async throws(ProviderError) -> String? {
        let listed = try await session.send(.GET, "/clients", query: [("clientId", clientID)])
        guard listed.isSuccess else { throw http.failure(listed, "find client \(clientID)") }
        return try listed.decode([ClientSummary].self, provider: http.provider).first { $0.clientId == clientID }?.id
    }

    private func requireInternalID(of clientID: String) async throws(ProviderError) -> String {
        guard let id = try await internalID(of: clientID) else {
            // Created or reported as existing, yet not listed: it was deleted meanwhile; the next pass creates it.
            throw ProviderError(.unavailable, provider: http.provider, "client \(clientID) vanished while being adopted")
        }
        return id
    }
}
