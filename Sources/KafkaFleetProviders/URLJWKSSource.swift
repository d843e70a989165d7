public import AsyncHTTPClient
import Foundation
public import KafkaFleetCore
import NIOCore

/// A JWKS fetched from an identity provider's URL (e.g. a Keycloak realm's `…/protocol/openid-connect/certs`).
/// The verifier decides when to fetch again (on an unknown key id, at most once a minute).
public struct URLJWKSSource: JWKSSource {
    private let url: String
    private let client: HTTPClient

    /// A source reading `url` with `client`.
    public init(url: String, client: HTTPClient = .shared) {
        self.url = url
        self.client = client
    }

    public func loadJWKS() async throws -> String {
        let response: HTTPClientResponse
        do {
            response = try await client.execute(HTTPClientRequest(url: url), timeout: .seconds(10))
        } catch {
            throw ProviderError(.unavailable, provider: "jwks", "cannot fetch \(url): \(error)")
        }
        let body = try await response.body.collect(upTo: 1 << 20)
        guard response.status.code == 200 else {
            throw ProviderError(response.status.code >= 500 ? .unavailable : .rejected, provider: "jwks",
                                "\(url) answered \(response.status.code)")
        }
        return String(buffer: body)
    }
}
