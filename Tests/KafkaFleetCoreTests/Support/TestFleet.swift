import Foundation
import KafkaFleetCore
import KafkaFleetTesting
import Testing

/// A control plane on fakes with a manual clock: an in-memory store, recording providers, every reconciler and a
/// simulated agent for one local cluster, each driven one pass at a time by the test.
struct TestFleet {
    static let clusterID = "local-cluster"
    static let clusterDNS = "apps.local-cluster.example.com"

    let store: any FleetStore
    let clock = ManualWallClock()
    let dns = RecordingDNS()
    let identity = RecordingIdentity()
    let environment: FleetEnvironment
    let agent: SimulatedAgent
    let accepted: AcceptedKafkaReconciler
    let preparing: PreparingKafkaReconciler
    let provisioning: ProvisioningKafkaReconciler
    let deleting: DeletingKafkaReconciler
    let housekeeping: KafkaHousekeepingReconciler
    let clusters: ClusterReconciler

    init(settings: ReconcilerSettings = ReconcilerSettings(), readyAfter: Duration = .zero) {
        let store = InMemoryFleetStore()
        self.store = store
        let environment = FleetEnvironment(store: store, clock: clock, quota: GrantingQuota(), dns: dns, identity: identity, settings: settings)
        self.environment = environment
        let service = AgentService(environment: environment, settings: AgentSettings(ssoRealmURL: "https://sso.example.com/auth/realms/test"))
        agent = SimulatedAgent(transport: DirectAgentTransport(service: service, clusterID: Self.clusterID),
                               settings: SimulatedAgentSettings(readyAfter: readyAfter, clusterDNS: Self.clusterDNS), clock: clock)
        accepted = AcceptedKafkaReconciler(environment: environment)
        preparing = PreparingKafkaReconciler(environment: environment)
        provisioning = ProvisioningKafkaReconciler(environment: environment)
        deleting = DeletingKafkaReconciler(environment: environment)
        housekeeping = KafkaHousekeepingReconciler(environment: environment)
        let configured = ConfiguredCluster(clusterID: Self.clusterID, status: .provisioning, providerType: .standalone, clusterDNS: Self.clusterDNS)
        clusters = ClusterReconciler(environment: environment, providers: [.standalone: StandaloneClusterProvider()],
                                     configuration: ClusterConfigurationSync(environment: environment, clusters: [configured]))
    }

    /// Runs the cluster reconciler and the agent until the local cluster is ready.
    func readyCluster() async throws {
        for _ in 0..<10 {
            _ = await clusters.reconcile()
            if try await store.cluster(clusterID: Self.clusterID)?.status == .waitingForAgent { break }
        }
        try await agent.syncOnce()
        #expect(try await store.cluster(clusterID: Self.clusterID)?.status == .ready)
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
        try await agent.syncOnce()
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
