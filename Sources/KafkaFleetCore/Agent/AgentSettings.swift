/// What the control plane tells agents beyond the kafkas themselves: how brokers validate client tokens and
/// where the observability configuration lives.
public struct AgentSettings: Sendable, Hashable {
    /// The issuer (realm URL) whose tokens kafka clients present; empty disables OAuth on kafkas.
    public var ssoRealmURL: String
    /// The claim that names a client (`clientId`).
    public var userNameClaim: String
    /// The claim used when the first is missing (`preferred_username`).
    public var fallbackUserNameClaim: String
    /// The observability channel sent to agents.
    public var observabilityChannel: String
    /// The observability repository sent to agents.
    public var observabilityRepository: String
    /// The observability tag sent to agents.
    public var observabilityTag: String

    /// Settings with the reference's defaults.
    public init(ssoRealmURL: String, userNameClaim: String = "clientId", fallbackUserNameClaim: String = "preferred_username",
                observabilityChannel: String = "resources", observabilityRepository: String = "quay.io/rhoas/observability-resources-mk",
                observabilityTag: String = "latest") {
        self.ssoRealmURL = ssoRealmURL
        self.userNameClaim = userNameClaim
        self.fallbackUserNameClaim = fallbackUserNameClaim
        self.observabilityChannel = observabilityChannel
        self.observabilityRepository = observabilityRepository
        self.observabilityTag = observabilityTag
    }
}
