import Foundation

/// One data-plane cluster as the configuration file lists it (the reference's
/// `dataplane-cluster-configuration.yaml` entry).
public struct ConfiguredCluster: Sendable, Codable, Hashable {
    /// A name (the kubeconfig context of a standalone cluster).
    public var name: String?
    /// The cluster's id, as its agent knows it.
    public var clusterID: String
    /// The cloud provider, e.g. `aws`.
    public var cloudProvider: String
    /// The region, e.g. `us-east-1`.
    public var region: String
    /// Whether it spans availability zones.
    public var multiAZ: Bool
    /// Whether new kafkas may be placed on it.
    public var schedulable: Bool
    /// The most streaming units placement may put on it; -1 or absent means no limit.
    public var kafkaInstanceLimit: Int?
    /// The status it starts in when first added.
    public var status: ClusterStatus
    /// Which provider prepares it.
    public var providerType: ClusterProviderType
    /// Its ingress DNS name, e.g. `apps.cluster.example.com`.
    public var clusterDNS: String
    /// The instance types it hosts, comma-separated.
    public var supportedInstanceType: String

    enum CodingKeys: String, CodingKey {
        case name, clusterID = "cluster_id", cloudProvider = "cloud_provider", region, multiAZ = "multi_az", schedulable
        case kafkaInstanceLimit = "kafka_instance_limit", status, providerType = "provider_type", clusterDNS = "cluster_dns"
        case supportedInstanceType = "supported_instance_type"
    }

    /// An entry from its parts, with the reference's defaults.
    public init(name: String? = nil, clusterID: String, cloudProvider: String = "aws", region: String = "us-east-1",
                multiAZ: Bool = true, schedulable: Bool = true, kafkaInstanceLimit: Int? = nil,
                status: ClusterStatus = .provisioning, providerType: ClusterProviderType = .standalone,
                clusterDNS: String = "", supportedInstanceType: String = "standard,developer") {
        self.name = name
        self.clusterID = clusterID
        self.cloudProvider = cloudProvider
        self.region = region
        self.multiAZ = multiAZ
        self.schedulable = schedulable
        self.kafkaInstanceLimit = kafkaInstanceLimit
        self.status = status
        self.providerType = providerType
        self.clusterDNS = clusterDNS
        self.supportedInstanceType = supportedInstanceType
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            name: try c.decodeIfPresent(String.self, forKey: .name),
            clusterID: try c.decode(String.self, forKey: .clusterID),
            cloudProvider: try c.decodeIfPresent(String.self, forKey: .cloudProvider) ?? "aws",
            region: try c.decodeIfPresent(String.self, forKey: .region) ?? "us-east-1",
            multiAZ: try c.decodeIfPresent(Bool.self, forKey: .multiAZ) ?? true,
            schedulable: try c.decodeIfPresent(Bool.self, forKey: .schedulable) ?? true,
            kafkaInstanceLimit: try c.decodeIfPresent(Int.self, forKey: .kafkaInstanceLimit),
            status: try c.decodeIfPresent(ClusterStatus.self, forKey: .status) ?? .provisioning,
            providerType: try c.decodeIfPresent(ClusterProviderType.self, forKey: .providerType) ?? .ocm,
            clusterDNS: try c.decodeIfPresent(String.self, forKey: .clusterDNS) ?? "",
            supportedInstanceType: try c.decodeIfPresent(String.self, forKey: .supportedInstanceType) ?? "standard,developer"
        )
    }

    /// The instance types as a list.
    public var instanceTypes: [String] {
        supportedInstanceType.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}

/// The data-plane cluster file: `clusters: [...]`.
public struct ClusterConfigurationFile: Sendable, Codable, Hashable {
    /// The clusters, in placement preference order.
    public var clusters: [ConfiguredCluster]

    /// A file from its clusters.
    public init(clusters: [ConfiguredCluster]) { self.clusters = clusters }
}

/// Keeps the store's managed clusters in line with a configured list: adds the missing ones, updates the
/// placement-relevant fields of the others, and marks clusters no longer listed as deprovisioning once they
/// host no kafka (enterprise clusters are left alone).
public struct ClusterConfigurationSync: Sendable {
    private let environment: FleetEnvironment
    private let clusters: [ConfiguredCluster]

    /// A sync of `clusters` into `environment`'s store.
    public init(environment: FleetEnvironment, clusters: [ConfiguredCluster]) {
        self.environment = environment
        self.clusters = clusters
    }

    /// Applies the list once; returns how many clusters it changed.
    public func apply() async throws -> Int {
        var changed = 0
        let now = environment.clock.now()
        let stored = try await environment.store.clusters(inStatuses: nil)
        for (offset, entry) in clusters.enumerated() {
            if let existing = stored.first(where: { $0.clusterID == entry.clusterID }) {
                var updated = existing
                updated.schedulable = entry.schedulable
                updated.kafkaInstanceLimit = entry.kafkaInstanceLimit
                updated.supportedInstanceTypes = entry.instanceTypes
                if !entry.clusterDNS.isEmpty { updated.clusterDNS = entry.clusterDNS }
                if updated != existing, try await environment.write(updated, over: existing).value != nil { changed += 1 }
                continue
            }
            var cluster = DataPlaneCluster(
                id: ResourceID.make(now: now), clusterID: entry.clusterID, name: entry.name ?? entry.clusterID,
                status: entry.status == .accepted && entry.providerType != .ocm ? .provisioning : entry.status,
                providerType: entry.providerType, cloudProvider: entry.cloudProvider, region: entry.region,
                multiAZ: entry.multiAZ, clusterDNS: entry.clusterDNS, supportedInstanceTypes: entry.instanceTypes,
                now: now.addingTimeInterval(Double(offset) / 1000)
            )
            cluster.schedulable = entry.schedulable
            cluster.kafkaInstanceLimit = entry.kafkaInstanceLimit
            do {
                _ = try await environment.store.createCluster(cluster)
                changed += 1
            } catch let error as StoreError where error.code == .duplicateCluster {
                continue
            }
        }
        let listed = Set(clusters.map(\.clusterID))
        for cluster in stored where cluster.clusterType == .managed && !listed.contains(cluster.clusterID) {
            guard case let .move(removed) = ClusterLifecycle.transition(cluster, on: .removalRequested).outcome else { continue }
            let hosted = try await environment.store.sumKafkas(KafkaFilter(clusterID: cluster.clusterID), measure: .instances)
            guard hosted == 0 else { continue }
            if try await environment.write(removed, over: cluster).value != nil { changed += 1 }
        }
        return changed
    }
}
