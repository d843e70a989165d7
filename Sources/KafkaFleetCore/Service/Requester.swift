/// Who asks the service for something, as the HTTP layer read it from a verified token.
///
/// Core keeps its own small value instead of the HTTP layer's `Caller`, so the use cases can be driven
/// from tests, the CLI or an embedding program without any token.
public struct Requester: Sendable, Hashable {
    /// The username; the owner of the kafkas it creates.
    public var username: String
    /// The organisation the requester acts in.
    public var organisationID: String
    /// Whether the requester administers its organisation (may change and delete every kafka of it).
    public var isOrgAdmin: Bool
    /// The account id, stored as a new kafka's `ownerAccountID`.
    public var accountID: String

    /// A requester from its parts.
    public init(username: String, organisationID: String, isOrgAdmin: Bool = false, accountID: String = "") {
        self.username = username
        self.organisationID = organisationID
        self.isOrgAdmin = isOrgAdmin
        self.accountID = accountID
    }
}
