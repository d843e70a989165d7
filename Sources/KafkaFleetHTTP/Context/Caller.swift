/// Who made a request, as the claims of a verified token say.
public struct Caller: Sendable, Hashable {
    /// The username (`username`, else `preferred_username`); the owner of kafkas it creates.
    public var username: String
    /// The organisation id (`org_id`, else `rh-org-id`); empty when the token has none.
    public var organisationID: String
    /// Whether the caller administers its organisation (`is_org_admin`).
    public var isOrgAdmin: Bool
    /// The account id (`account_id`), stored as the kafka's owner account.
    public var accountID: String
    /// The `clientId` claim of a service token, which names an agent's cluster client.
    public var clientID: String
    /// The token's issuer (`iss`).
    public var issuer: String
    /// The realm roles (`realm_access.roles`), for the admin API.
    public var roles: [String]

    /// A caller from its claims.
    public init(username: String, organisationID: String, isOrgAdmin: Bool = false, accountID: String = "",
                clientID: String = "", issuer: String = "", roles: [String] = []) {
        self.username = username
        self.organisationID = organisationID
        self.isOrgAdmin = isOrgAdmin
        self.accountID = accountID
        self.clientID = clientID
        self.issuer = issuer
        self.roles = roles
    }
}
