// Embeds KafkaFleet's reconcilers in a program of its own: an in-memory store, a DNS provider written here, the
// in-memory identity provider and a simulated agent called in-process. It creates one kafka and prints each status
// until the kafka is ready — the same reconcilers `kafkafleetd` runs, on providers of your choosing.
import Foundation
import KafkaFleetCore
import KafkaFleetLocal

/// A DNS provider that only prints what it would do: stands in for your own DNS system.
struct PrintingDNS: DNSProvider {
    func upsertRecords(_ records: [DNSRecord]) async throws {
        for record in records { print("  dns: \(record.name) -> \(record.target)") }
    }

    func deleteRecords(_ records: [DNSRecord]) async throws {
        for record in records { print("  dns: delete \(record.name)") }
    }
}

/// A quota service that lets everyone have anything.
struct Unlimited: QuotaService {
    let quotaType = "unlimited"
    func hasQuota(organisationID: String, owner: String, instanceType: InstanceTypeConfig) async throws -> Bool { true }
    func hasQuota(organisationID: String, owner: String, instanceType: InstanceTypeConfig, billingModel: String) async throws -> Bool {
        true
    }
    func reserve(for kafka: KafkaRequest, instanceType: InstanceTypeConfig) async throws -> QuotaGrant { QuotaGrant(billingModel: "standard") }
    func release(for kafka: KafkaRequest) async throws {}
    func isEntitlementActive(for kafka: KafkaRequest) async throws -> Bool { true }
    func validatePromotion(to payload: KafkaPromotePayload, of kafka: KafkaRequest, instanceType: InstanceTypeConfig) throws(FleetError) {}
}

let store: any FleetStore = InMemoryFleetStore()
let environment = FleetEnvironment(store: store, quota: Unlimited(), dns: PrintingDNS(), identity: LocalIdentityProvider())
let cluster = ConfiguredCluster(clusterID: "example-cluster", status: .provisioning, providerType: .standalone,
                                clusterDNS: "apps.example-cluster.example.com")
let clusters = ClusterReconciler(environment: environment, providers: [.standalone: StandaloneClusterProvider()],
                                 configuration: ClusterConfigurationSync(environment: environment, clusters: [cluster]))
let agent = SimulatedAgent(
    transport: DirectAgentTransport(service: AgentService(environment: environment, settings: AgentSettings(ssoRealmURL: "")),
                                    clusterID: cluster.clusterID),
    settings: SimulatedAgentSettings(readyAfter: .zero, clusterDNS: cluster.clusterDNS))
let workers: [any Reconciler] = [
    AcceptedKafkaReconciler(environment: environment), PreparingKafkaReconciler(environment: environment),
    ProvisioningKafkaReconciler(environment: environment),
]

for _ in 0..<3 { _ = await clusters.reconcile() }
try await agent.syncOnce()
print("cluster: \(try await store.cluster(clusterID: cluster.clusterID)?.status.rawValue ?? "missing")")

let now = Date()
let request = KafkaRequest(id: ResourceID.make(now: now), name: "example", owner: "alice", organisationID: "example-org",
                           cloudProvider: "aws", region: "us-east-1", instanceType: "standard", sizeID: "x1", multiAZ: true, now: now)
guard let kafka = try await store.createKafka(request, limits: []).value else { fatalError("the example kafka was not stored") }
var status = kafka.status
print("kafka \(kafka.id): \(status.rawValue)")
for _ in 0..<10 where status != .ready {
    for worker in workers { _ = await worker.reconcile() }
    try await agent.syncOnce()
    for worker in workers { _ = await worker.reconcile() }
    let current = try await store.kafka(id: kafka.id)?.status ?? .failed
    if current != status { print("kafka \(kafka.id): \(current.rawValue)") }
    status = current
}
print(status == .ready ? "done: the kafka is ready" : "the kafka did not become ready")
