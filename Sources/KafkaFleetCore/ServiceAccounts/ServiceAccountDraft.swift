public import Foundation

/// A service account to create: everything but the identifier, which the directory assigns, and the secret,
/// which the directory generates.
public struct ServiceAccountDraft: Sendable, Hashable {
    /// The client id, `srvc-acct-<uuid>`, chosen by the service.
    public var clientID: String
    /// The validated name.
    public var name: String
    /// The validated description; may be empty.
    public var description: String
    /// The organisation it will belong to.
    public var organisationID: String
    /// The creator's username.
    public var owner: String
    /// The creator's account id; may be empty.
    public var ownerAccountID: String
    /// The creation time, to the second.
    public var createdAt: Date

    /// A draft from its parts.
    public init(clientID: String, name: String, description: String, organisationID: String, owner: String,
                ownerAccountID: String, createdAt: Date) {
        self.clientID = clientID
        self.name = name
        self.description = description
        self.organisationID = organisationID
        self.owner = owner
        self.ownerAccountID = ownerAccountID
        self.createdAt = createdAt
    }

    /// The account this draft becomes once the directory gave it `id`.
    public func account(id: String) -> ServiceAccount {
        ServiceAccount(id: id, clientID: clientID, name: name, description: description, organisationID: organisationID,
                       owner: owner, ownerAccountID: ownerAccountID, createdAt: createdAt)
    }
}
