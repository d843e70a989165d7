// Embeds KafkaFleet's reconcilers in a program of its own: the in-memory store of the local data plane, a DNS and an
// identity provider written here (the identity provider fails its first call, through the test kit's fault
// injection, to show the reconcilers retrying), and an agent played in-process. The reconcilers run as services,
// exactly as `kafkafleetd` runs them; the program creates one kafka, waits until it is ready, deletes it and waits
// until it is gone.
import Foundation
import KafkaFleetCore
import KafkaFleetLocal
import Logging
import ServiceLifecycle

let changes = LocalChangeFeed()
let store = NotifyingFleetStore(InMemoryFleetStore(), changes: changes)
let dns = RecordingDNSProvider()
var logger = Logger(label: "embedded-reconcilers")
logger.logLevel = .warning
let identity = RecordingIdentityProvider()
identity.faults.failNext(1)
let environment = FleetEnvironment(store: store, quota: AllowAllQuotaService(), dns: dns, identity: identity, logger: logger)

// One standalone data-plane cluster: it exists already, so it is ready as soon as its agent reports.
let cluster = ConfiguredCluster(clusterID: "example-cluster", providerType: .standalone, clusterDNS: "apps.example-cluster.example.com")
let reconcilers: [any Reconciler] = [
    ClusterReconciler(environment: environment, providers: [.standalone: StandaloneClusterProvider()],
                      configuration: ClusterConfigurationSync(environment: environment, clusters: [cluster])),
    AcceptedKafkaReconciler(environment: environment),
    PreparingKafkaReconciler(environment: environment),
    ProvisioningKafkaReconciler(environment: environment),
    ReadyKafkaReconciler(environment: environment),
    DeletingKafkaReconciler(environment: environment),
]
let workers = reconcilers.map { ServiceGroupConfiguration.ServiceConfiguration(service: ReconcilerService(reconciler: $0, changes: changes, logger: logger)) }
let agent = InProcessAgent(agentService: AgentService(environment: environment, settings: AgentSettings(ssoRealmURL: "")),
                           store: store, changes: changes, clusterID: cluster.clusterID)
let scenario = Scenario(kafkas: KafkaService(store: store, quota: environment.quota), store: store, clusterID: cluster.clusterID,
                        dns: dns, stepDeadline: .seconds(30))

// The scenario's end shuts the group down gracefully; an error anywhere ends it, and the program, with that error.
let group = ServiceGroup(configuration: ServiceGroupConfiguration(
    services: workers + [.init(service: agent), .init(service: scenario, successTerminationBehavior: .gracefullyShutdownGroup)],
    logger: logger
))
do {
    try await group.run()
    print("done")
} catch {
    FileHandle.standardError.write(Data("failed: \(error)\n".utf8))
    exit(1)
}
