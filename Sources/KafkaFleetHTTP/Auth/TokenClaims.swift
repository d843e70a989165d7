public import JWTKit

/// The claims KafkaFleet reads from a token, decoded leniently: a claim of the wrong JSON type counts as
/// absent (as the reference skips a non-string org id), so a checks-first verifier can name what is missing.
public struct TokenClaims: JWTPayload, Hashable {
    /// The realm roles of a Keycloak token.
    public struct RealmAccess: Codable, Sendable, Hashable {
        /// The role names.
        public var roles: [String]

        /// Roles by name.
        public init(roles: [String]) { self.roles = roles }
    }

    /// Expiry, in Unix seconds.
    public var exp: Double?
    /// Issue time, in Unix seconds.
    public var iat: Double?
    /// Not-before time, in Unix seconds.
    public var nbf: Double?
    /// The issuer.
    public var iss: String?
    /// The token type; must be `Bearer` when present.
    public var typ: String?
    /// The username.
    public var username: String?
    /// The username's fallback claim.
    public var preferredUsername: String?
    /// The organisation id.
    public var orgID: String?
    /// The organisation id's fallback claim.
    public var rhOrgID: String?
    /// Whether the user administers its organisation.
    public var isOrgAdmin: Bool?
    /// The account id.
    public var accountID: String?
    /// The client id of a service token (an agent's cluster client).
    public var clientID: String?
    /// The realm roles.
    public var realmAccess: RealmAccess?
    /// Whether the token impersonates someone; must be false when present.
    public var impersonated: Bool?

    enum CodingKeys: String, CodingKey {
        case exp, iat, nbf, iss, typ, username, impersonated
        case preferredUsername = "preferred_username", orgID = "org_id", rhOrgID = "rh-org-id"
        case isOrgAdmin = "is_org_admin", accountID = "account_id", clientID = "clientId", realmAccess = "realm_access"
    }

    /// Claims from their parts.
    public init(exp: Double? = nil, iat: Double? = nil, nbf: Double? = nil, iss: String? = nil, typ: String? = nil,
                username: String? = nil, preferredUsername: String? = nil, orgID: String? = nil, rhOrgID: String? = nil,
                isOrgAdmin: Bool? = nil, accountID: String? = nil, clientID: String? = nil,
                realmAccess: RealmAccess? = nil, impersonated: Bool? = nil) {
        self.exp = exp
        self.iat = iat
        self.nbf = nbf
        self.iss = iss
        self.typ = typ
        self.username = username
        self.preferredUsername = preferredUsername
        self.orgID = orgID
        self.rhOrgID = rhOrgID
        self.isOrgAdmin = isOrgAdmin
        self.accountID = accountID
        self.clientID = clientID
        self.realmAccess = realmAccess
        self.impersonated = impersonated
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        func lenient<T: Decodable>(_ key: CodingKeys) -> T? { (try? container.decodeIfPresent(T.self, forKey: key)) ?? nil }
        exp = lenient(.exp)
        iat = lenient(.iat)
        nbf = lenient(.nbf)
        iss = lenient(.iss)
        typ = lenient(.typ)
        username = lenient(.username)
        preferredUsername = lenient(.preferredUsername)
        orgID = lenient(.orgID)
        rhOrgID = lenient(.rhOrgID)
        isOrgAdmin = lenient(.isOrgAdmin)
        accountID = lenient(.accountID)
        clientID = lenient(.clientID)
        realmAccess = lenient(.realmAccess)
        impersonated = lenient(.impersonated)
    }

    /// Signature checks only; `TokenVerifier` checks the time claims against its own clock.
    public func verify(using algorithm: some JWTAlgorithm) async throws {}

    /// The caller these claims describe: `username` else `preferred_username`, `org_id` else `rh-org-id`.
    public var caller: Caller {
        Caller(username: username ?? preferredUsername ?? "", organisationID: orgID ?? rhOrgID ?? "",
               isOrgAdmin: isOrgAdmin ?? false, accountID: accountID ?? "", clientID: clientID ?? "",
               issuer: iss ?? "", roles: realmAccess?.roles ?? [])
    }
}
