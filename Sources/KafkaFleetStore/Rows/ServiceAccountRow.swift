import KafkaFleetCore
import SQLKit

/// How a `StoredServiceAccount` maps to a row of `service_accounts`.
enum ServiceAccountRow {
    static let table = "service_accounts"

    /// Every column, in the order `values(of:)` lists them.
    static let columns = [
        "id", "client_id", "name", "description", "organisation_id", "owner", "owner_account_id", "secret_sha256", "created_at",
    ]

    /// The bound values of `columns`, in the same order.
    static func values(of stored: StoredServiceAccount) -> [any SQLExpression] {
        let account = stored.account
        return [
            SQLBind(account.id), SQLBind(account.clientID), SQLBind(account.name), SQLBind(account.description),
            SQLBind(account.organisationID), SQLBind(account.owner), SQLBind(account.ownerAccountID),
            SQLBind(stored.secretSHA256), SQLBind(account.createdAt),
        ]
    }

    /// The account stored in `row`.
    static func decode(_ r: RowReader) throws(StoreError) -> StoredServiceAccount {
        let account = ServiceAccount(
            id: try r.string("id"), clientID: try r.string("client_id"), name: try r.string("name"),
            description: try r.string("description"), organisationID: try r.string("organisation_id"),
            owner: try r.string("owner"), ownerAccountID: try r.string("owner_account_id"), createdAt: try r.date("created_at"))
        return StoredServiceAccount(account: account, secretSHA256: try r.string("secret_sha256"))
    }
}
