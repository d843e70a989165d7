/// What the agent of an enterprise cluster is told to connect with, beyond the cluster's own client: the
/// identity provider its client authenticates at and where the control plane is.
public struct EnterpriseClusterSettings: Sendable, Hashable {
    /// The issuer (realm URL) of the identity provider the agent's client belongs to (`sso-auth-server-url`).
    public var ssoAuthServerURL: String
    /// The control plane's public base URL the agent calls (`control-plane-url`).
    public var controlPlaneURL: String
    /// How often the agent polls the control plane (`poll-interval`).
    public var pollInterval: String
    /// How often the agent resyncs everything (`resync-interval`).
    public var resyncInterval: String

    /// Settings with the reference's intervals (`15s` polling, `60s` resync).
    public init(ssoAuthServerURL: String, controlPlaneURL: String, pollInterval: String = "15s", resyncInterval: String = "60s") {
        self.ssoAuthServerURL = ssoAuthServerURL
        self.controlPlaneURL = controlPlaneURL
        self.pollInterval = pollInterval
        self.resyncInterval = resyncInterval
    }
}
