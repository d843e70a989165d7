import Foundation
import KafkaFleetCore
import KafkaFleetLocal
import KafkaFleetTesting
import Testing

/// A bare fleet for the scaling tests: an in-memory store and a manual clock, with helpers that add clusters (with
/// the capacity their agent would report) and kafkas placed on them.
struct ScalingFleet {
    let store: any FleetStore
    let clock = ManualWallClock()
    let environment: FleetEnvironment

    init() {
        let store = InMemoryFleetStore()
        self.store = store
        environment = FleetEnvironment(store: store, clock: clock, quota: GrantingQuota(), dns: FakeDNSProvider(),
                                       identity: FakeIdentityProvider())
    }

    /// A catalogue of `aws`/`us-east-1` offering `instanceTypes`, each with this region limit and slack.
    static func providers(instanceTypes: [String] = ["standard"], limit: Int? = nil, slack: Int? = nil) -> ProviderCatalog {
        let limits = RegionInstanceTypeLimit(limit: limit, minAvailableCapacitySlackStreamingUnits: slack)
        return ProviderCatalog(supportedProviders: [
            CloudProviderConfig(name: "aws", isDefault: true, regions: [
                RegionConfig(name: "us-east-1", isDefault: true,
                             supportedInstanceType: Dictionary(uniqueKeysWithValues: instanceTypes.map { ($0, limits) })),
            ]),
        ])
    }

    /// Stores a `standard` cluster in `us-east-1` that can hold `maxUnits`; each call is a second younger than the last.
    @discardableResult
    func addCluster(_ clusterID: String, status: ClusterStatus = .ready, clusterType: ClusterType = .managed,
                    region: String = "us-east-1", maxUnits: Int = 10) async throws -> DataPlaneCluster {
        clock.advance(by: .seconds(1))
        var cluster = DataPlaneCluster(id: ResourceID.make(now: clock.now()), clusterID: clusterID, status: status, providerType: .ocm,
                                       clusterType: clusterType, cloudProvider: "aws", region: region, multiAZ: true,
                                       clusterDNS: "apps.\(clusterID).example.com", supportedInstanceTypes: ["standard"], now: clock.now())
        cluster.capacity["standard"] = ClusterCapacity(maxUnits: maxUnits, remainingUnits: maxUnits)
        return try await store.createCluster(cluster)
    }

    /// Stores a `standard` x1 kafka placed on `clusterID`.
    func addKafka(on clusterID: String, name: String = "demo") async throws {
        var kafka = KafkaRequest(id: ResourceID.make(now: clock.now()), name: name, owner: "alice", organisationID: "org-1",
                                 cloudProvider: "aws", region: "us-east-1", instanceType: "standard", sizeID: "x1", multiAZ: true,
                                 now: clock.now())
        kafka.clusterID = clusterID
        _ = try #require(try await store.createKafka(kafka, limits: []).value)
    }

    /// The statuses of the stored clusters, by `cluster_id`.
    func statuses() async throws -> [String: ClusterStatus] {
        Dictionary(uniqueKeysWithValues: try await store.clusters(inStatuses: nil).map { ($0.clusterID, $0.status) })
    }
}
