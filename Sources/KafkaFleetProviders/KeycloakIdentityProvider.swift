public import AsyncHTTPClient
import Foundation
public import KafkaFleetCore
public import Logging
import NIOHTTP1
import Synchronization

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
    private let configuration: KeycloakConfiguration
    private let http: ProviderHTTP
    private let clock: any WallClock
    /// The access token and when to stop using it.
    private let cachedToken: Mutex<(value: String, renewAt: Date)?>

    /// An adapter sending through `httpClient` (shared, not shut down by the adapter), judging token
    /// expiry by `clock`.
    public init(
        configuration: KeycloakConfiguration, httpClient: HTTPClient = .shared,
        clock: any WallClock = SystemWallClock(), logger: Logger = Logger(label: "kafkafleet.keycloak")
    ) {
        self.configuration = configuration
        self.http = ProviderHTTP(provider: "keycloak", client: httpClient, timeout: configuration.requestTimeout, logger: logger)
        self.clock = clock
        self.cachedToken = Mutex(nil)
    }

    /// Creates the client, or adopts it when Keycloak answers 409, and returns its secret.
    public func ensureClient(_ client: IdentityClient) async throws -> ClientCredentials {
        let body = try http.json(ClientRepresentation(client))
        let created = try await authorized(.POST, "/clients", body: body)
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
        let secret = try await authorized(.GET, "/clients/\(percentEncode(internalID))/client-secret")
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
        let deleted = try await authorized(.DELETE, "/clients/\(percentEncode(internalID))")
        guard deleted.isSuccess || deleted.status == 404 else { throw http.failure(deleted, "delete client \(clientID)") }
    }

    // MARK: clients

    /// The fields of Keycloak's ClientRepresentation that a service-account client needs.
    private struct ClientRepresentation: Encodable {
        var clientId: String
        var name: String
        var description: String
        var enabled = true
        var publicClient = false
        var clientAuthenticatorType = "client-secret"
        var serviceAccountsEnabled = true
        var standardFlowEnabled = false
        var implicitFlowEnabled = false
        var directAccessGrantsEnabled = false
        var attributes: [String: String]

        init(_ client: IdentityClient) {
            clientId = client.clientID
            name = client.name
            description = client.description
            attributes = client.attributes
        }
    }

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
        let listed = try await authorized(.GET, "/clients", query: [("clientId", clientID)])
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

    // MARK: authentication

    /// Access token answer of the token endpoint.
    private struct TokenResponse: Decodable {
        var accessToken: String
        var expiresIn: Int?

        enum CodingKeys: String, CodingKey {
            case accessToken = "access_token", expiresIn = "expires_in"
        }
    }

    /// Sends an admin API request for the realm with a bearer token; on 401 logs in again and repeats it once.
    private func authorized(
        _ method: HTTPMethod, _ path: String, query: [(String, String)] = [], body: [UInt8]? = nil
    ) async throws(ProviderError) -> ProviderResponse {
        let base = trimmedBaseURL(configuration.baseURL) + configuration.contextPath
        var url = "\(base)/admin/realms/\(percentEncode(configuration.realm))\(path)"
        if !query.isEmpty { url += "?" + queryString(query) }
        var headers = [("accept", "application/json")]
        if body != nil { headers.append(("content-type", "application/json")) }
        let current = try await token()
        let first = try await http.send(method, url, headers: headers + [("authorization", "Bearer \(current)")], body: body)
        guard first.status == 401 else { return first }
        http.logger.debug("access token refused; logging in again")
        cachedToken.withLock { $0 = nil }
        let renewed = try await token()
        return try await http.send(method, url, headers: headers + [("authorization", "Bearer \(renewed)")], body: body)
    }

    /// The cached access token, or a new one from the client-credentials grant.
    private func token() async throws(ProviderError) -> String {
        let now = clock.now()
        if let cached = cachedToken.withLock({ $0 }), now < cached.renewAt { return cached.value }
        let base = trimmedBaseURL(configuration.baseURL) + configuration.contextPath
        let url = "\(base)/realms/\(percentEncode(configuration.realm))/protocol/openid-connect/token"
        let form = queryString([
            ("grant_type", "client_credentials"), ("client_id", configuration.clientID),
            ("client_secret", configuration.clientSecret),
        ])
        let response = try await http.send(
            .POST, url, headers: [("content-type", "application/x-www-form-urlencoded"), ("accept", "application/json")],
            body: Array(form.utf8))
        guard response.isSuccess else { throw http.failure(response, "log in as \(configuration.clientID)") }
        let answer = try response.decode(TokenResponse.self, provider: http.provider)
        let lifetime = Double(answer.expiresIn ?? 60) - configuration.tokenRefreshMargin.timeInterval
        cachedToken.withLock { $0 = (answer.accessToken, now.addingTimeInterval(max(0, lifetime))) }
        return answer.accessToken
    }
}
