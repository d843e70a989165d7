import KafkaFleetCore

/// A service account on the wire (`ServiceAccount`): what create, get and reset answer. Empty strings are omitted,
/// as the reference's `omitempty` does, so `client_secret` appears only when a secret was just issued. `owner` (the
/// spec marks it deprecated) and `created_by` both carry the creator.
struct ServiceAccountJSON: Encodable, Sendable {
    var id: String
    var kind = "ServiceAccount"
    var href: String
    var name: String?
    var description: String?
    var clientID: String?
    var clientSecret: String?
    var owner: String?
    var createdBy: String?
    var createdAt: String

    enum CodingKeys: String, CodingKey {
        case id, kind, href, name, description, clientID = "client_id", clientSecret = "client_secret", owner
        case createdBy = "created_by", createdAt = "created_at"
    }

    /// The account, with `secret` when one was just issued.
    init(_ account: ServiceAccount, secret: String = "") {
        id = account.id
        href = ServiceAccountsAPI.href(of: account.id)
        name = Self.omittingEmpty(account.name)
        description = Self.omittingEmpty(account.description)
        clientID = Self.omittingEmpty(account.clientID)
        clientSecret = Self.omittingEmpty(secret)
        owner = Self.omittingEmpty(account.owner)
        createdBy = Self.omittingEmpty(account.owner)
        createdAt = WireJSON.timestamp(account.createdAt)
    }

    /// `text`, or `nil` when it is empty: how the reference's `omitempty` fields are encoded.
    static func omittingEmpty(_ text: String) -> String? { text.isEmpty ? nil : text }

    /// An account with the secret just issued for it.
    init(_ issued: IssuedServiceAccount) {
        self.init(issued.account, secret: issued.clientSecret)
    }
}
