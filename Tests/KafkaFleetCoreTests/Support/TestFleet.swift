import Foundation
import KafkaFleetCore
import KafkaFleetLocal
import KafkaFleetTesting
import Testing

/// A control plane on fakes with a manual clock: an in-memory store, fake providers, every reconciler and one
/// simulated agent per cluster, each driven one pass at a time by the test.
struct TestFleet {
    static let clusterID = "local-cluster"
    static let clusterDNS = "apps.local-cluster.example.com"

    let store: any FleetStore
    let clock = ManualWallClock()
    let dns = FakeDNSProvider()
    let identity = FakeIdentityProvider()
    let environment: FleetEnvironment
    let agents: [SimulatedAgent]
    var agent: SimulatedAgent { agents[0] }
    let accepted: AcceptedKafkaReconciler
    let preparing: PreparingKafkaReconciler
    let provisioning: ProvisioningKafkaReconciler
    let deleting: DeletingKafkaReconciler
    let housekeeping: KafkaHousekeepingReconciler
    let clusters: ClusterReconciler

    /// A fleet on a new store of `backend`.
    static func on(_ backend: FleetBackend, settings: ReconcilerSettings = ReconcilerSettings(), readyAfter: Duration = .zero,
                   clusters: Int = 1, capacity: Int = 100, quota: any QuotaService = GrantingQuota()) async throws -> TestFleet {
        TestFleet(store: try await backend.makeStore(), settings: settings, readyAfter: readyAfter, clusters: clusters, capacity: capacity,
                  quota: quota)
    }

    /// The id and DNS name of cluster `index` (the first is `local-cluster`).
    static func cluster(_ index: Int) -> (id: String, dns: String) {
        index == 0 ? (clusterID, clusterDNS) : ("cluster-\(index)", "apps.cluster-\(index).example.com")
    }

    init(store: any FleetStore = InMemoryFleetStore(), settings: ReconcilerSettings = ReconcilerSettings(), readyAfter: Duration = .zero,
         clusters clusterCount: Int = 1, capacity: Int = 100, quota: any QuotaService = GrantingQuota()) {
        self.store = store
        let environment = FleetEnvironment(store: store, clock: clock, quota: quota, dns: dns, identity: identity, settings: settings)
        self.environment = environment
        let service = AgentService(environment: environment, settings: AgentSettings(ssoRealmURL: "https://sso.example.com/auth/realms/test"))
        let clock = self.clock
        agents = (0..<clusterCount).map { index in
            let (id, dns) = Self.cluster(index)
            return SimulatedAgent(transport: DirectAgentTransport(service: service, clusterID: id),
                                  settings: SimulatedAgentSettings(readyAfter: readyAfter, clusterDNS: dns,
                                                                   capacity: ["standard": capacity, "developer": capacity]), clock: clock)
        }
        accepted = AcceptedKafkaReconciler(environment: environment)
        preparing = PreparingKafkaReconciler(environment: environment)
        provisioning = ProvisioningKafkaReconciler(environment: environment)
        deleting = DeletingKafkaReconciler(environment: environment)
        housekeeping = KafkaHousekeepingReconciler(environment: environment)
        let configured = (0..<clusterCount).map { index in
            ConfiguredCluster(clusterID: Self.cluster(index).id, status: .provisioning, providerType: .standalone, clusterDNS: Self.cluster(index).dns)
        }
        clusters = ClusterReconciler(environment: environment, providers: [.standalone: StandaloneClusterProvider()],
                                     configuration: ClusterConfigurationSync(environment: environment, clusters: configured))
    }

    /// Runs the cluster reconciler and the agents until every cluster is ready.
    func readyCluster() async throws {
        for _ in 0..<10 {
            _ = await clusters.reconcile()
            let waiting = try await store.clusters(inStatuses: [.waitingForAgent]).count
            if waiting == agents.count { break }
        }
        for agent in agents { try await agent.syncOnce() }
        #expect(try await store.clusters(inStatuses: [.ready]).count == agents.count)
    }

    /// Stores a new accepted kafka as the API would.
    func createKafka(name: String = "demo", owner: String = "alice", organisationID: String = "org-1",
                     instanceType: String = "standard") async throws -> KafkaRequest {
        let now = clock.now()
        var kafka = KafkaRequest(id: ResourceID.make(now: now), name: name, owner: owner, organisationID: organisationID,
                                 cloudProvider: "aws", region: "us-east-1", instanceType: instanceType, sizeID: "x1",
                                 multiAZ: instanceType == "standard", maxDataRetentionSize: "1000Gi", now: now)
        kafka.desiredBillingModel = "standard"
        kafka.actualBillingModel = "standard"
        return try #require(try await store.createKafka(kafka, limits: []).value)
    }

    /// Runs every kafka reconciler and the agent once, in pipeline order.
    func step() async throws {
        _ = await accepted.reconcile()
        _ = await preparing.reconcile()
        _ = await provisioning.reconcile()
        for agent in agents { try await agent.syncOnce() }
        _ = await provisioning.reconcile()
        _ = await deleting.reconcile()
    }

    /// Steps until `id` reaches `status` (or is deleted, for `nil`), at most `steps` times.
    func drive(_ id: String, to status: KafkaStatus?, steps: Int = 20) async throws -> KafkaRequest? {
        for _ in 0..<steps {
            let kafka = try await store.kafka(id: id)
            if kafka?.status == status { return kafka }
            try await step()
        }
        return try await store.kafka(id: id)
    }
}
