/// Where the public keys that sign user and agent tokens come from: a JWKS document (`{"keys":[…]}`).
///
/// Verifiers call `loadJWKS()` at the first token and again, at most once a minute, when a token names a key
/// they do not know (key rotation). Adapters: a file, an HTTPS URL.
public protocol JWKSSource: Sendable {
    /// The current JWKS document as JSON text.
    func loadJWKS() async throws -> String
}
