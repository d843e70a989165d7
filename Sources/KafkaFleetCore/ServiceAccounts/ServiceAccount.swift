public import Foundation

/// A service account: a client identity (client id and secret) that an organisation's programs use instead of a
/// person's token. It belongs to the organisation it was created in and remembers who created it, because
/// reading, deleting and resetting it are limited to its owner (and, for the last two, the org's admins).
///
/// The secret is not part of the value: it is shown once, in an `IssuedServiceAccount`, when it is created.
public struct ServiceAccount: Sendable, Hashable {
    /// The identifier in URLs, a lowercase UUID (Keycloak's internal client id).
    public var id: String
    /// The client id a program logs in with, `srvc-acct-<uuid>`.
    public var clientID: String
    /// The name its owner gave it.
    public var name: String
    /// The description its owner gave it; may be empty.
    public var description: String
    /// The organisation it belongs to.
    public var organisationID: String
    /// The username of its creator (`owner` and `created_by` on the wire).
    public var owner: String
    /// The account id of its creator, when the creator's token carried one.
    public var ownerAccountID: String
    /// When it was created, to the second.
    public var createdAt: Date

    /// An account from its parts.
    public init(id: String, clientID: String, name: String, description: String, organisationID: String,
                owner: String, ownerAccountID: String, createdAt: Date) {
        self.id = id
        self.clientID = clientID
        self.name = name
        self.description = description
        self.organisationID = organisationID
        self.owner = owner
        self.ownerAccountID = ownerAccountID
        self.createdAt = createdAt
    }
}
