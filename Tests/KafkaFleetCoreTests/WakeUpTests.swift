import Foundation
import KafkaFleetCore
import KafkaFleetLocal
import KafkaFleetTesting
import Testing

/// The workers driven by wake-ups alone: every reconciler and an instant agent run as services, with a resync
/// interval far longer than the test, so a wake-up that gets lost leaves a kafka stuck and the test fails.
@Suite("Wake-ups")
struct WakeUpTests {
    @Test("forty kafkas created one after another all become ready promptly with an instant agent and no resync",
          arguments: FleetBackend.allCases)
    func sequentialCreatesAllReady(backend: FleetBackend) async throws {
        let feed = LocalChangeFeed()
        let store = NotifyingFleetStore(try await backend.makeStore(), changes: feed)
        let environment = FleetEnvironment(store: store, quota: GrantingQuota(), dns: FakeDNSProvider(), identity: FakeIdentityProvider())
        let agentService = AgentService(environment: environment, settings: AgentSettings(ssoRealmURL: "https://sso.example.com/auth/realms/test"))
        let agent = SimulatedAgent(transport: DirectAgentTransport(service: agentService, clusterID: TestFleet.clusterID),
                                   settings: SimulatedAgentSettings(readyAfter: .zero, pollInterval: .seconds(3600), clusterDNS: TestFleet.clusterDNS),
                                   changes: feed)
        let cluster = ConfiguredCluster(clusterID: TestFleet.clusterID, status: .provisioning, providerType: .standalone, clusterDNS: TestFleet.clusterDNS)
        let reconcilers: [any Reconciler] = [
            AcceptedKafkaReconciler(environment: environment),
            PreparingKafkaReconciler(environment: environment),
            ProvisioningKafkaReconciler(environment: environment),
            ClusterReconciler(environment: environment, providers: [.standalone: StandaloneClusterProvider()],
                              configuration: ClusterConfigurationSync(environment: environment, clusters: [cluster])),
        ]
        let resync = Duration.seconds(3600)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for reconciler in reconcilers {
                group.addTask { try await ReconcilerService(reconciler: reconciler, changes: feed, resync: resync).run() }
            }
            group.addTask { try await agent.run() }
            defer { group.cancelAll() }
            await eventually(within: .seconds(10), "the cluster is ready") { (try? await store.clusters(inStatuses: [.ready]).count) == 1 }

            var ids: [String] = []
            for index in 0..<40 {
                let now = Date()
                var kafka = KafkaRequest(id: ResourceID.make(now: now), name: "kafka-\(index)", owner: "alice", organisationID: "org-1",
                                         cloudProvider: "aws", region: "us-east-1", instanceType: "standard", sizeID: "x1",
                                         multiAZ: true, maxDataRetentionSize: "1000Gi", now: now)
                kafka.desiredBillingModel = "standard"
                kafka.actualBillingModel = "standard"
                ids.append(try #require(try await store.createKafka(kafka, limits: []).value).id)
            }

            // A lost wake-up waits for the resync (an hour): 20 s is far below it.
            await eventually(within: .seconds(20), "every kafka is ready") {
                (try? await store.countKafkasByStatus()) == [.ready: 40]
            }
            var stuck: [String: String] = [:]
            for id in ids {
                let status = try await store.kafka(id: id)?.status
                if status != .ready { stuck[id] = status?.rawValue ?? "missing" }
            }
            #expect(stuck.isEmpty, "kafkas not ready: \(stuck)")
        }
    }
}
