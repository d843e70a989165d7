public import KafkaFleetCore

/// How a simulated agent reaches the control plane: the three calls of the agent protocol, for one cluster.
///
/// Two ship with this module: `HTTPAgentTransport` speaks the real agent API over HTTP, as a data-plane agent
/// in another process does; `DirectAgentTransport` calls `AgentService` in the same process, for programs that
/// embed the reconcilers without an API server. Errors are passed on to the agent, which retries at its next round.
public protocol AgentTransport: Sendable {
    /// The cluster's desired kafkas.
    func desiredKafkas() async throws -> ManagedKafkaList
    /// Reports the status of kafkas by id.
    func reportKafkas(_ statuses: [String: DataPlaneKafkaStatus]) async throws
    /// Reports the cluster's status.
    func reportCluster(_ status: DataPlaneClusterStatus) async throws
}
