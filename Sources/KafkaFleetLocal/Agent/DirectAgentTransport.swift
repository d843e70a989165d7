public import KafkaFleetCore

/// The agent protocol as in-process calls to `AgentService`: no HTTP, no token. Each call is authorised as the
/// agent API authorises it (the cluster must exist and `clientID` must be its agent's client id), so an agent on
/// this transport sees exactly what it would over HTTP.
///
/// Use it to run a `SimulatedAgent` inside a program that embeds the reconcilers on its own store, or to drive a
/// fleet one step at a time in tests; use `HTTPAgentTransport` when the agent should exercise the API server too.
public struct DirectAgentTransport: AgentTransport {
    private let service: AgentService
    private let clusterID: String
    private let clientID: String

    /// A transport for the agent of `clusterID`, identifying as `clientID` (by default the cluster's own agent
    /// client id, `kas-fleetshard-agent-<cluster id>`).
    public init(service: AgentService, clusterID: String, clientID: String? = nil) {
        self.service = service
        self.clusterID = clusterID
        self.clientID = clientID ?? DataPlaneCluster.defaultClientID(forClusterID: clusterID)
    }

    /// The cluster's desired kafkas, as `GET /agent-clusters/{id}/kafkas` returns them.
    public func desiredKafkas() async throws -> ManagedKafkaList {
        try await service.desiredKafkas(of: service.authorize(clusterID: clusterID, clientID: clientID))
    }

    /// Applies kafka statuses, as `PUT /agent-clusters/{id}/kafkas/status` does.
    public func reportKafkas(_ statuses: [String: DataPlaneKafkaStatus]) async throws {
        try await service.applyKafkaStatuses(statuses, from: try await service.authorize(clusterID: clusterID, clientID: clientID))
    }

    /// Applies the cluster's status, as `PUT /agent-clusters/{id}/status` does.
    public func reportCluster(_ status: DataPlaneClusterStatus) async throws {
        try await service.applyClusterStatus(status, from: try await service.authorize(clusterID: clusterID, clientID: clientID))
    }
}
