// Measures the reconcilers with instant fakes (in-memory DNS and identity, an in-process simulated agent that
// reports at once): kafkas moved from accepted to ready per second, CPU time per kafka lifecycle, and the cost of
// an idle pass of every worker over 10,000 ready kafkas — on SQLite and, when KAFKAFLEET_BENCH_DATABASE_URL is set,
// on PostgreSQL.
//
//     swift build -c release --product FleetBenchmark && .build/release/FleetBenchmark [kafkas]
import Foundation
import KafkaFleetCore
import KafkaFleetStore
import KafkaFleetLocal
import Logging

/// CPU time (user + system) of this process so far.
func cpuTime() -> Duration {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    let micros = Int64(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1_000_000 + Int64(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec)
    return .microseconds(micros)
}

func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}

struct Fleet {
    let environment: FleetEnvironment
    let agent: SimulatedAgent
    let workers: [any Reconciler]
    let clusterID = "bench-cluster"

    init(store: any FleetStore, pageSize: Int) {
        environment = FleetEnvironment(store: store, quota: AllowAllQuotaService(), dns: LocalDNSProvider(), identity: LocalIdentityProvider(),
                                       settings: ReconcilerSettings(pageSize: pageSize), logger: Logger(label: "bench"))
        agent = SimulatedAgent(transport: DirectAgentTransport(service: AgentService(environment: environment, settings: AgentSettings(ssoRealmURL: "https://sso.example.com")),
                                                               clusterID: clusterID),
                               settings: SimulatedAgentSettings(readyAfter: .zero, clusterDNS: "apps.bench.example.com",
                                                                capacity: ["standard": 1_000_000, "developer": 1_000_000]))
        workers = [AcceptedKafkaReconciler(environment: environment), PreparingKafkaReconciler(environment: environment),
                   ProvisioningKafkaReconciler(environment: environment)]
    }

    func readyCluster() async throws {
        let configured = ConfiguredCluster(clusterID: clusterID, status: .provisioning, providerType: .standalone, clusterDNS: "apps.bench.example.com")
        let clusters = ClusterReconciler(environment: environment, providers: [.standalone: StandaloneClusterProvider()],
                                         configuration: ClusterConfigurationSync(environment: environment, clusters: [configured]))
        for _ in 0..<4 { _ = await clusters.reconcile() }
        try await agent.syncOnce()
    }

    func createKafkas(_ count: Int, status: KafkaStatus = .accepted) async throws {
        let now = Date()
        for index in 0..<count {
            var kafka = KafkaRequest(id: ResourceID.make(now: now), name: "kafka-\(index)", owner: "owner-\(index % 100)",
                                     organisationID: "org-\(index % 10)", cloudProvider: "aws", region: "us-east-1",
                                     instanceType: "standard", sizeID: "x1", multiAZ: true, maxDataRetentionSize: "1000Gi", now: now)
            kafka.status = status
            if status == .ready {
                kafka.clusterID = clusterID
                kafka.bootstrapServerHost = KafkaNaming.bootstrapHost(of: kafka, domain: environment.settings.kafkaDomainName)
                kafka.bootstrapDNSCreated = true
                kafka.canaryClientID = KafkaNaming.canaryClientID(of: kafka)
            }
            _ = try await environment.store.createKafka(kafka, limits: [])
        }
    }

    /// Runs the pipeline until every kafka is ready; returns the number of rounds.
    func driveToReady(_ count: Int) async throws -> Int {
        var rounds = 0
        while try await environment.store.countKafkasByStatus()[.ready, default: 0] < count {
            rounds += 1
            for worker in workers { while await worker.reconcile().wantsAnotherPass {} }
            try await agent.syncOnce()
            for worker in workers.suffix(1) { while await worker.reconcile().wantsAnotherPass {} }
            if rounds > 1_000 { throw StoreError(.unavailable, "did not converge") }
        }
        return rounds
    }
}

func throughput(engine: String, store: any FleetStore, kafkas: Int) async throws {
    let fleet = Fleet(store: store, pageSize: 500)
    try await fleet.readyCluster()
    try await fleet.createKafkas(kafkas)
    let clock = ContinuousClock()
    let cpuBefore = cpuTime()
    let start = clock.now
    _ = try await fleet.driveToReady(kafkas)
    let elapsed = clock.now - start
    let cpu = cpuTime() - cpuBefore
    print(String(format: "| %@ | accepted → ready | %d kafkas | %.2f s | %.0f kafkas/s | %.2f ms CPU per kafka |",
                 engine, kafkas, seconds(elapsed), Double(kafkas) / seconds(elapsed), seconds(cpu) * 1000 / Double(kafkas)))
}

func idlePasses(engine: String, store: any FleetStore, ready: Int) async throws {
    let fleet = Fleet(store: store, pageSize: 100)
    try await fleet.readyCluster()
    try await fleet.createKafkas(ready, status: .ready)
    let env = fleet.environment
    let reconcilers: [any Reconciler] = [
        AcceptedKafkaReconciler(environment: env), PreparingKafkaReconciler(environment: env), ProvisioningKafkaReconciler(environment: env),
        ReadyKafkaReconciler(environment: env), DeletingKafkaReconciler(environment: env), KafkaHousekeepingReconciler(environment: env),
    ]
    let clock = ContinuousClock()
    for reconciler in reconcilers {
        _ = await reconciler.reconcile()
        let runs = 20
        let start = clock.now
        for _ in 0..<runs { _ = await reconciler.reconcile() }
        let each = (clock.now - start) / runs
        print(String(format: "| %@ | idle pass of %@ over %d ready kafkas | %.3f ms |", engine, reconciler.workerType, ready, seconds(each) * 1000))
    }
}

let kafkas = CommandLine.arguments.dropFirst().first.flatMap(Int.init) ?? 2_000
let logger = Logger(label: "bench")
func sqliteStore() async throws -> (SQLFleetStore, String) {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("kafkafleet-fleet-bench-\(UUID().uuidString).sqlite").path
    let store = try await SQLFleetStore.sqlite(path: path, logger: logger)
    try await store.migrate()
    return (store, path)
}

print("| engine | measure | size | time | rate | CPU |")
print("| --- | --- | --- | --- | --- | --- |")
try await throughput(engine: "in-memory", store: InMemoryFleetStore(), kafkas: kafkas)
do {
    let (store, path) = try await sqliteStore()
    try await throughput(engine: "SQLite", store: store, kafkas: kafkas)
    await store.close()
    for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
}
if let url = ProcessInfo.processInfo.environment["KAFKAFLEET_BENCH_DATABASE_URL"] {
    let store = try SQLFleetStore.postgres(url: url, schema: "fleet_bench_\(UUID().uuidString.prefix(8).lowercased())", logger: logger)
    try await store.withRunning { store in
        try await store.migrate()
        try await throughput(engine: "PostgreSQL", store: store, kafkas: kafkas)
    }
}
print("")
print("| engine | measure | time per pass |")
print("| --- | --- | --- |")
do {
    let (store, path) = try await sqliteStore()
    try await idlePasses(engine: "SQLite", store: store, ready: 10_000)
    await store.close()
    for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
}
if let url = ProcessInfo.processInfo.environment["KAFKAFLEET_BENCH_DATABASE_URL"] {
    let store = try SQLFleetStore.postgres(url: url, schema: "fleet_idle_\(UUID().uuidString.prefix(8).lowercased())", logger: logger)
    try await store.withRunning { store in
        try await store.migrate()
        try await idlePasses(engine: "PostgreSQL", store: store, ready: 10_000)
    }
}
