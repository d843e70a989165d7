/// A client (service account) to create in the identity provider.
public struct IdentityClient: Sendable, Hashable {
    /// The client id, e.g. `canary-<kafka id>`.
    public var clientID: String
    /// A display name.
    public var name: String
    /// A description.
    public var description: String
    /// Attributes stored with the client (e.g. `rh-org-id`).
    public var attributes: [String: String]

    /// A client from its parts.
    public init(clientID: String, name: String, description: String, attributes: [String: String] = [:]) {
        self.clientID = clientID
        self.name = name
        self.description = description
        self.attributes = attributes
    }
}

/// A client id and its secret.
public struct ClientCredentials: Sendable, Hashable {
    /// The client id.
    public var clientID: String
    /// The client secret.
    public var clientSecret: String

    /// Credentials from their parts.
    public init(clientID: String, clientSecret: String) {
        self.clientID = clientID
        self.clientSecret = clientSecret
    }
}

/// Creates and removes identity-provider clients: per-kafka canary service accounts and per-cluster agent clients.
///
/// Both calls are idempotent: a client that exists already is adopted and its secret returned; deleting a
/// missing client is not an error. Failures are `ProviderError`s.
public protocol IdentityProvider: Sendable {
    /// Creates the client unless it exists, and returns its credentials.
    func ensureClient(_ client: IdentityClient) async throws -> ClientCredentials
    /// Removes the client; a missing client is ignored.
    func deleteClient(clientID: String) async throws
}
