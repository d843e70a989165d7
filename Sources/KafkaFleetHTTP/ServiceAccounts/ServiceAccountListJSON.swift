import KafkaFleetCore

/// The answer of `GET /service_accounts` (`ServiceAccountList`): a kind and the items, without the paging fields
/// other lists have, as the reference answers.
struct ServiceAccountListJSON: Encodable, Sendable {
    var kind = "ServiceAccountList"
    var items: [Item]

    /// One account of the list (`ServiceAccountListItem`); its kind is `ServiceAccount`, as the reference emits,
    /// and it never has a secret.
    struct Item: Encodable, Sendable {
        var id: String
        var kind = "ServiceAccount"
        var href: String
        var clientID: String?
        var name: String?
        var owner: String?
        var createdBy: String?
        var createdAt: String
        var description: String?

        enum CodingKeys: String, CodingKey {
            case id, kind, href, clientID = "client_id", name, owner, createdBy = "created_by", createdAt = "created_at", description
        }

        init(_ account: ServiceAccount) {
            id = account.id
            href = ServiceAccountsAPI.href(of: account.id)
            clientID = ServiceAccountJSON.omittingEmpty(account.clientID)
            name = ServiceAccountJSON.omittingEmpty(account.name)
            owner = ServiceAccountJSON.omittingEmpty(account.owner)
            createdBy = ServiceAccountJSON.omittingEmpty(account.owner)
            createdAt = WireJSON.timestamp(account.createdAt)
            description = ServiceAccountJSON.omittingEmpty(account.description)
        }
    }

    /// The list of `accounts`, in their order.
    init(_ accounts: [ServiceAccount]) {
        items = accounts.map(Item.init)
    }
}
