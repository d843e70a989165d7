/// Who may use the tenant routes once the token is valid: the required issuer, the deny list (usernames,
/// 403 `KAFKAS-MGMT-4`) and the access list (organisation ids, maintenance mode, 403 `KAFKAS-MGMT-18`).
public struct AccessPolicy: Sendable, Hashable {
    /// The issuer (`iss`) tenant routes require.
    public var issuer: String
    /// Usernames refused on every tenant route.
    public var deniedUsernames: Set<String>
    /// When set, only these organisations may use tenant routes.
    public var allowedOrganisations: Set<String>?

    /// A policy; by default the development issuer, nobody denied and no access list.
    public init(issuer: String = DevelopmentSigningKey.defaultIssuer, deniedUsernames: Set<String> = [],
                allowedOrganisations: Set<String>? = nil) {
        self.issuer = issuer
        self.deniedUsernames = deniedUsernames
        self.allowedOrganisations = allowedOrganisations
    }
}
