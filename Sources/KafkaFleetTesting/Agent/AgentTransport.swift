public import KafkaFleetCore

/// How a (simulated) agent talks to the control plane: the three calls of the agent protocol for one cluster.
public protocol AgentTransport: Sendable {
    /// The cluster's desired kafkas.
    func desiredKafkas() async throws -> ManagedKafkaList
    /// Reports the status of kafkas by id.
    func reportKafkas(_ statuses: [String: DataPlaneKafkaStatus]) async throws
    /// Reports the cluster's status.
    func reportCluster(_ status: DataPlaneClusterStatus) async throws
}

/// An in-process transport that calls `AgentService` directly, for tests of the reconcilers without HTTP.
public struct DirectAgentTransport: AgentTransport {
    private let service: AgentService
    private let clusterID: String
    private let clientID: String

    /// A transport for the agent of `clusterID`, identifying as `clientID`.
    public init(service: AgentService, clusterID: String, clientID: String? = nil) {
        self.service = service
        self.clusterID = clusterID
        self.clientID = clientID ?? DataPlaneCluster.defaultClientID(forClusterID: clusterID)
    }

    public func desiredKafkas() async throws -> ManagedKafkaList {
        try await service.desiredKafkas(of: service.authorize(clusterID: clusterID, clientID: clientID))
    }

    public func reportKafkas(_ statuses: [String: DataPlaneKafkaStatus]) async throws {
        try await service.applyKafkaStatuses(statuses, from: try await service.authorize(clusterID: clusterID, clientID: clientID))
    }

    public func reportCluster(_ status: DataPlaneClusterStatus) async throws {
        try await service.applyClusterStatus(status, from: try await service.authorize(clusterID: clusterID, clientID: clientID))
    }
}
