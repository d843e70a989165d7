/// The status of a data-plane cluster, with the reference's wire strings.
public enum ClusterStatus: String, Sendable, Codable, CaseIterable, Hashable {
    case accepted = "cluster_accepted"
    case provisioning = "cluster_provisioning"
    case provisioned = "cluster_provisioned"
    case waitingForAgent = "waiting_for_kas_fleetshard_operator"
    case ready
    case failed
    case deprovisioning
    case cleanup

    /// Statuses in which the agent's cluster status report is processed.
    public var acceptsAgentReports: Bool { self == .ready || self == .waitingForAgent }
}
