public import Foundation

/// Where a data-plane cluster comes from, and so which provider prepares and removes it.
public enum ClusterProviderType: String, Sendable, Codable, CaseIterable {
    /// Created and terraformed through OpenShift Cluster Manager.
    case ocm
    /// Listed in the data-plane configuration file; exists already.
    case standalone
    /// Simulated in-process by the embedded default; its agent is simulated too.
    case simulated
}

/// Who owns a data-plane cluster.
public enum ClusterType: String, Sendable, Codable, CaseIterable {
    /// Run by the service for every organisation.
    case managed
    /// Registered by one organisation for its own kafkas.
    case enterprise
}

/// A data-plane cluster: where kafkas run, prepared by the cluster reconciler and reported on by its agent.
public struct DataPlaneCluster: Sendable, Hashable, Codable {
    /// The xid of the row.
    public var id: String
    /// The provider's id of the cluster; the agent API's path parameter.
    public var clusterID: String
    /// The provider's external id.
    public var externalID: String
    /// A name for the cluster (the kubeconfig context of a standalone cluster).
    public var name: String
    /// The current status.
    public var status: ClusterStatus
    /// Which provider manages it.
    public var providerType: ClusterProviderType
    /// Who owns it.
    public var clusterType: ClusterType
    /// The owning organisation of an enterprise cluster; empty for managed ones.
    public var organizationID: String
    /// The cloud provider, e.g. `aws`.
    public var cloudProvider: String
    /// The cloud region, e.g. `us-east-1`.
    public var region: String
    /// Whether the cluster spans availability zones.
    public var multiAZ: Bool
    /// The ingress DNS name, e.g. `apps.cluster.example.com`.
    public var clusterDNS: String
    /// The instance types it may host, e.g. `["standard", "developer"]`.
    public var supportedInstanceTypes: [String]
    /// Whether new kafkas may be placed on it.
    public var schedulable: Bool
    /// The most streaming units placement may put on it; `nil` means no configured limit.
    public var kafkaInstanceLimit: Int?
    /// Capacity per instance type, from configuration and agent reports.
    public var capacity: [String: ClusterCapacity]
    /// The Strimzi versions the agent reported, sorted ascending.
    public var availableStrimziVersions: [StrimziVersion]
    /// The client id an agent token must carry in its `clientId` claim.
    public var clientID: String
    /// The secret of that client, when the service created it.
    public var clientSecret: String
    /// The id of the identity provider added to the cluster, if any.
    public var identityProviderID: String
    /// Whether kafkas on it are reached through a private network.
    public var accessKafkasViaPrivateNetwork: Bool
    /// When the row was recorded.
    public var createdAt: Date
    /// When the row was last written.
    public var updatedAt: Date
    /// When the status last changed.
    public var statusChangedAt: Date
    /// When the row was soft-deleted.
    public var deletedAt: Date?
    /// A counter the store increments on every write.
    public var revision: Int

    /// The client id the reference gives a cluster's agent.
    public static func defaultClientID(forClusterID clusterID: String) -> String {
        "kas-fleetshard-agent-\(clusterID)"
    }

    /// A new cluster in `status`, with the default agent client id.
    public init(
        id: String, clusterID: String, name: String = "", status: ClusterStatus,
        providerType: ClusterProviderType, clusterType: ClusterType = .managed,
        cloudProvider: String, region: String, multiAZ: Bool, clusterDNS: String,
        supportedInstanceTypes: [String] = ["standard", "developer"], now: Date
    ) {
        self.id = id
        self.clusterID = clusterID
        self.externalID = ""
        self.name = name
        self.status = status
        self.providerType = providerType
        self.clusterType = clusterType
        self.organizationID = ""
        self.cloudProvider = cloudProvider
        self.region = region
        self.multiAZ = multiAZ
        self.clusterDNS = clusterDNS
        self.supportedInstanceTypes = supportedInstanceTypes
        self.schedulable = true
        self.kafkaInstanceLimit = nil
        self.capacity = [:]
        self.availableStrimziVersions = []
        self.clientID = DataPlaneCluster.defaultClientID(forClusterID: clusterID)
        self.clientSecret = ""
        self.identityProviderID = ""
        self.accessKafkasViaPrivateNetwork = false
        self.createdAt = now
        self.updatedAt = now
        self.statusChangedAt = now
        self.deletedAt = nil
        self.revision = 0
    }

    /// The base domain of the cluster's routes: its DNS name without a leading `apps.`.
    public var routeBaseDomain: String {
        clusterDNS.hasPrefix("apps.") ? String(clusterDNS.dropFirst(5)) : clusterDNS
    }
}

extension DataPlaneCluster {
    /// The host name a kafka's bootstrap record points at before the agent reports its routes.
    public var ingressHost: String { clusterDNS.isEmpty ? "ingress.\(clusterID)" : clusterDNS }
}
