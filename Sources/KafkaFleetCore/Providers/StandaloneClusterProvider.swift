/// The provider of clusters that already exist and run their own operators and agent: clusters listed in the
/// data-plane configuration file, and the embedded default's simulated local cluster. Creating, preparing and
/// deleting them completes at once; the cluster becomes ready when its agent reports.
public struct StandaloneClusterProvider: ClusterProvider {
    /// A standalone provider.
    public init() {}

    public func createCluster(_ cluster: DataPlaneCluster) async throws -> DataPlaneCluster { cluster }

    public func provisioningState(of cluster: DataPlaneCluster) async throws -> ClusterProvisioningState {
        .provisioned(clusterDNS: nil)
    }

    public func terraform(_ cluster: DataPlaneCluster, agentCredentials: ClientCredentials) async throws -> Bool { true }

    public func deleteCluster(_ cluster: DataPlaneCluster) async throws -> Bool { true }
}
