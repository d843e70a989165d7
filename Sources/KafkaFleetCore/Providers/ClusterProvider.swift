/// How far a cluster's creation has come, as its provider sees it.
public enum ClusterProvisioningState: Sendable, Hashable {
    /// Still being created.
    case provisioning
    /// Created; the DNS name of its ingress, when the provider knows it.
    case provisioned(clusterDNS: String?)
    /// Creation failed, with a sentence saying why.
    case failed(reason: String)
}

/// Creates, prepares ("terraforms") and deletes data-plane clusters of one provider type.
///
/// Every call is idempotent; the cluster reconciler calls them again until they report completion.
/// Failures are `ProviderError`s.
public protocol ClusterProvider: Sendable {
    /// Starts creating the cluster and returns it with the provider's ids filled in.
    func createCluster(_ cluster: DataPlaneCluster) async throws -> DataPlaneCluster
    /// How far creation has come.
    func provisioningState(of cluster: DataPlaneCluster) async throws -> ClusterProvisioningState
    /// Installs the Kafka operator and the agent (with its credentials); returns whether both are ready.
    func terraform(_ cluster: DataPlaneCluster, agentCredentials: ClientCredentials) async throws -> Bool
    /// Starts deleting the cluster; returns whether it is gone.
    func deleteCluster(_ cluster: DataPlaneCluster) async throws -> Bool
}
