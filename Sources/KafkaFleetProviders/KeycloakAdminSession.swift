import Foundation
import KafkaFleetCore
import NIOHTTP1
import Synchronization

/// A logged-in conversation with Keycloak's admin REST API for one realm, shared by the Keycloak adapters.
///
/// It logs in with the client-credentials grant and keeps the access token until shortly before it expires; an
/// answer of 401 (a token revoked or expired early) makes it log in again and repeat the request once.
final class KeycloakAdminSession: Sendable {
    let configuration: KeycloakConfiguration
    let http: ProviderHTTP
    private let clock: any WallClock
    /// The access token and when to stop using it.
    private let cachedToken: Mutex<(value: String, renewAt: Date)?>

    init(configuration: KeycloakConfiguration, http: ProviderHTTP, clock: any WallClock) {
        self.configuration = configuration
        self.http = http
        self.clock = clock
        self.cachedToken = Mutex(nil)
    }

    /// Access token answer of the token endpoint.
    private struct TokenResponse: Decodable {
        var accessToken: String
        var expiresIn: Int?

        enum CodingKeys: String, CodingKey {
            case accessToken = "access_token", expiresIn = "expires_in"
        }
    }

    /// Sends an admin API request for the realm (`path` under `/admin/realms/<realm>`) with a bearer token; on 401
    /// logs in again and repeats it once.
    func send(
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
