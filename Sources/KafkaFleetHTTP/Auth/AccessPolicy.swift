/// Who may use which routes once the token is valid: the issuer each surface requires (public, admin, agent, as the
/// reference ties them to its realms), the deny list (usernames, 403 `KAFKAS-MGMT-4`) and the access list
/// (organisation ids, maintenance mode, 403 `KAFKAS-MGMT-18`).
public struct AccessPolicy: Sendable, Hashable {
    /// The issuer (`iss`) tenant routes require.
    public var issuer: String
    /// The issuer admin routes require (the reference's admin realm).
    public var adminIssuer: String
    /// The issuer agent routes require (the reference's SSO-provider realm).
    public var agentIssuer: String
    /// Usernames refused on every tenant route.
    public var deniedUsernames: Set<String>
    /// When set, only these organisations may use tenant routes.
    public var allowedOrganisations: Set<String>?

    /// A policy; by default the development issuer on every surface, nobody denied and no access list. The admin and
    /// agent issuers default to `issuer`.
    public init(issuer: String = DevelopmentSigningKey.defaultIssuer, adminIssuer: String? = nil, agentIssuer: String? = nil,
                deniedUsernames: Set<String> = [], allowedOrganisations: Set<String>? = nil) {
        self.issuer = issuer
        self.adminIssuer = adminIssuer ?? issuer
        self.agentIssuer = agentIssuer ?? issuer
        self.deniedUsernames = deniedUsernames
        self.allowedOrganisations = allowedOrganisations
    }
}
