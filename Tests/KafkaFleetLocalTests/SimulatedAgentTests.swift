import Foundation
import KafkaFleetCore
import KafkaFleetLocal
import Testing

/// A whole fleet on this module's types: an in-memory store, the local DNS and identity providers, one cluster and
/// its simulated agent on the in-process transport, and the kafka reconcilers, stepped by hand on a manual clock.
private struct LocalFleet {
    static let clusterID = "local-cluster"
    static let clusterDNS = "apps.local-cluster.kafkafleet.local"

    let store: any FleetStore = InMemoryFleetStore()
    let clock = ManualWallClock()
    let dns = LocalDNSProvider()
    let identity = LocalIdentityProvider()
    let environment: FleetEnvironment
    let agent: SimulatedAgent
    let clusters: ClusterReconciler
    let kafkaReconcilers: [any Reconciler]

    init(readyAfter: Duration) {
        environment = FleetEnvironment(store: store, clock: clock, quota: AllowAllQuotaService(), dns: dns, identity: identity,
                                       settings: ReconcilerSettings(kafkaDomainName: "kafka.kafkafleet.local"))
        let service = AgentService(environment: environment, settings: AgentSettings(ssoRealmURL: "https://sso.kafkafleet.local"))
        agent = SimulatedAgent(transport: DirectAgentTransport(service: service, clusterID: Self.clusterID),
                               settings: SimulatedAgentSettings(readyAfter: readyAfter, clusterDNS: Self.clusterDNS), clock: clock)
        let configured = ConfiguredCluster(clusterID: Self.clusterID, status: .provisioning, providerType: .standalone,
                                           clusterDNS: Self.clusterDNS)
        clusters = ClusterReconciler(environment: environment, providers: [.standalone: StandaloneClusterProvider()],
                                     configuration: ClusterConfigurationSync(environment: environment, clusters: [configured]))
        kafkaReconcilers = [AcceptedKafkaReconciler(environment: environment), PreparingKafkaReconciler(environment: environment),
                            ProvisioningKafkaReconciler(environment: environment), DeletingKafkaReconciler(environment: environment)]
    }

    /// Steps the cluster reconciler and the agent until the agent has reported the cluster ready.
    func readyCluster() async throws {
        for _ in 0..<10 where try await store.cluster(clusterID: Self.clusterID)?.status != .ready {
            _ = await clusters.reconcile()
            try await agent.syncOnce()
        }
    }

    /// Stores a new accepted standard kafka, as the API would.
    func createKafka() async throws -> KafkaRequest {
        let now = clock.now()
        let kafka = KafkaRequest(id: ResourceID.make(now: now), name: "demo", owner: "alice", organisationID: "acme",
                                 cloudProvider: "aws", region: "us-east-1", instanceType: "standard", sizeID: "x1",
                                 multiAZ: true, maxDataRetentionSize: "1000Gi", now: now)
        return try #require(try await store.createKafka(kafka, limits: []).value)
    }

    /// Runs every kafka reconciler, the agent, and the reconcilers again, `rounds` times; the kafka's status after.
    func step(_ id: String, rounds: Int = 5) async throws -> KafkaStatus? {
        for _ in 0..<rounds {
            for reconciler in kafkaReconcilers { _ = await reconciler.reconcile() }
            try await agent.syncOnce()
            for reconciler in kafkaReconcilers { _ = await reconciler.reconcile() }
        }
        return try await store.kafka(id: id)?.status
    }
}

@Suite("Simulated agent")
struct SimulatedAgentTests {
    @Test("on the local providers, the agent's reports take a kafka to ready, with its DNS record and canary client")
    func kafkaToReady() async throws {
        let fleet = LocalFleet(readyAfter: .zero)
        try await fleet.readyCluster()
        let created = try await fleet.createKafka()

        #expect(try await fleet.step(created.id) == .ready)

        let ready = try #require(try await fleet.store.kafka(id: created.id))
        #expect(ready.clusterID == LocalFleet.clusterID)
        #expect(fleet.dns.record(named: ready.bootstrapServerHost) != nil)
        #expect(fleet.identity.clients[ready.canaryClientID]?.secret == ready.canaryClientSecret)
    }

    @Test("the agent reports a kafka installing until its ready delay has passed since it first saw it")
    func readyAfterDelay() async throws {
        let fleet = LocalFleet(readyAfter: .seconds(60))
        try await fleet.readyCluster()
        let created = try await fleet.createKafka()

        #expect(try await fleet.step(created.id) == .provisioning)
        fleet.clock.advance(by: .seconds(59))
        #expect(try await fleet.step(created.id, rounds: 1) == .provisioning)
        fleet.clock.advance(by: .seconds(1))
        #expect(try await fleet.step(created.id, rounds: 1) == .ready)
    }

    @Test("a suspended kafka is reported suspended, and ready again once resumed")
    func suspendAndResume() async throws {
        let fleet = LocalFleet(readyAfter: .zero)
        try await fleet.readyCluster()
        let created = try await fleet.createKafka()
        let ready = try #require(try await fleet.step(created.id) == .ready ? try await fleet.store.kafka(id: created.id) : nil)

        _ = try await fleet.environment.writer.apply(.suspendRequested, to: ready)
        #expect(try await fleet.step(created.id) == .suspended)

        let suspended = try #require(try await fleet.store.kafka(id: created.id))
        _ = try await fleet.environment.writer.apply(.resumeRequested, to: suspended)
        #expect(try await fleet.step(created.id) == .ready)
    }

    @Test("a kafka the agent is told to fail is reported failed, and the control plane fails it")
    func failedKafka() async throws {
        let fleet = LocalFleet(readyAfter: .seconds(60))
        try await fleet.readyCluster()
        let created = try await fleet.createKafka()
        #expect(try await fleet.step(created.id) == .provisioning)

        await fleet.agent.fail(kafkaID: created.id)

        #expect(try await fleet.step(created.id, rounds: 1) == .failed)
    }
}
