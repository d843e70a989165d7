import Foundation
import KafkaFleetCore
import KafkaFleetLocal
@testable import KafkaFleetStore
import KafkaFleetTesting
import Synchronization
import Testing

/// What happens while the PostgreSQL server goes away and comes back: bounded failures, workers that keep going,
/// a change feed that reconnects. Each case holds the server exclusively (no other PostgreSQL case runs meanwhile).
@Suite("PostgreSQL outages", .serialized)
struct PostgresOutageTests {
    /// `KAFKAFLEET_TEST_PG_STOP` and `KAFKAFLEET_TEST_PG_START`: shell commands that stop and start the test server.
    static let stopCommand = ProcessInfo.processInfo.environment["KAFKAFLEET_TEST_PG_STOP"].flatMap { $0.isEmpty ? nil : $0 }
    static let startCommand = ProcessInfo.processInfo.environment["KAFKAFLEET_TEST_PG_START"].flatMap { $0.isEmpty ? nil : $0 }
    static let canRestart = TestBackend.postgresURL != nil && PostgresTests.restartCommand != nil
    static let canStop = TestBackend.postgresURL != nil && stopCommand != nil && startCommand != nil

    @Test("while the server is stopped, reads and writes fail with .unavailable within the store's bound; they succeed once it is back",
          .enabled(if: canStop, "needs KAFKAFLEET_TEST_DATABASE_URL, KAFKAFLEET_TEST_PG_STOP and KAFKAFLEET_TEST_PG_START"))
    func boundedWhileStopped() async throws {
        let stop = try #require(Self.stopCommand), start = try #require(Self.startCommand)
        try await Self.exclusively {
            let bound = Duration.seconds(1)
            try await withSQLStore(.postgres, gated: false, operationTimeout: bound) { store in
                // Given a store that has served a call
                let kafka = try #require(try await store.createKafka(makeKafka("before-stop"), limits: []).value)

                // When the server stops
                #expect(await PostgresTests.run(stop) == 0)
                do {
                    // Then a read and a write each fail with .unavailable, within the bound (plus a little slack)
                    let clock = ContinuousClock()
                    for operation in ["read", "write"] {
                        let started = clock.now
                        do {
                            if operation == "read" {
                                _ = try await store.kafka(id: kafka.id)
                            } else {
                                _ = try await store.createKafka(makeKafka("while-stopped"), limits: [])
                            }
                            Issue.record("the \(operation) succeeded with the server stopped")
                        } catch let error as StoreError {
                            #expect(error.code == .unavailable, "\(operation): \(error)")
                        }
                        let elapsed = clock.now - started
                        #expect(elapsed < bound + .seconds(2), "the \(operation) took \(elapsed)")
                    }
                }
                #expect(await PostgresTests.run(start) == 0)

                // And once the server is back, calls succeed again
                let recovered = await eventually(timeout: .seconds(30)) { (try? await store.kafka(id: kafka.id)) != nil }
                #expect(recovered)
            }
        }
    }

    @Test("calls made while the server restarts fail with .unavailable within the bound or succeed; none crashes or hangs",
          .enabled(if: canRestart, "needs KAFKAFLEET_TEST_DATABASE_URL and KAFKAFLEET_TEST_PG_RESTART"))
    func callsDuringRestart() async throws {
        // With the pool's minimum at its maximum (as before), this crashed the test process in postgres-nio 1.33.2:
        // a lease arriving while the pool was below its minimum trapped in createNewDemandConnectionIfPossible().
        let command = try #require(PostgresTests.restartCommand)
        try await Self.exclusively {
            let bound = Duration.seconds(2)
            try await withSQLStore(.postgres, connections: 20, gated: false, operationTimeout: bound) { store in
                let kafka = try #require(try await store.createKafka(makeKafka("restart-reader"), limits: []).value)
                let record = CallRecord()
                // Given callers leasing connections continuously (reads and writes, about 60 a second)
                let callers = (0..<4).map { caller in
                    Task {
                        var index = 0
                        while !Task.isCancelled {
                            let started = ContinuousClock.now
                            do {
                                if index % 2 == 0 {
                                    _ = try await store.kafka(id: kafka.id)
                                } else {
                                    _ = try await store.createKafka(makeKafka("c\(caller)-\(index)"), limits: [])
                                }
                            } catch {
                                if (error as? StoreError)?.code != .unavailable { record.unexpected("\(error)") }
                            }
                            record.took(ContinuousClock.now - started)
                            index += 1
                            try? await Task.sleep(for: .milliseconds(60))
                        }
                    }
                }
                // When the server restarts under them
                #expect(await PostgresTests.run(command) == 0)
                // Then calls succeed again
                let recovered = await eventually(timeout: .seconds(30)) { (try? await store.kafka(id: kafka.id)) != nil }
                for caller in callers { caller.cancel() }
                for caller in callers { _ = await caller.value }
                #expect(recovered)
                // And no call waited much longer than the bound, or failed otherwise than as unavailable
                #expect(record.slowest < bound + .seconds(2))
                #expect(record.unexpectedErrors.isEmpty)
            }
        }
    }

    @Test("workers in flight survive a server restart: every kafka created before, during and after it becomes ready, with no resync",
          .enabled(if: canRestart, "needs KAFKAFLEET_TEST_DATABASE_URL and KAFKAFLEET_TEST_PG_RESTART"))
    func workersSurviveRestart() async throws {
        let command = try #require(PostgresTests.restartCommand)
        let url = try #require(TestBackend.postgresURL)
        try await Self.exclusively {
            try await withSQLStore(.postgres, connections: 20, gated: false, operationTimeout: .seconds(2)) { sql in
                let feed = try PostgresChangeFeed(url: url, operationTimeout: .seconds(2))
                let store = NotifyingFleetStore(sql, changes: feed)
                let fleet = LiveFleet(store: store, changes: feed)
                try await withThrowingTaskGroup(of: Void.self) { group in
                    group.addTask { try await feed.run() }
                    fleet.start(in: &group)
                    defer { group.cancelAll() }
                    await fleet.waitForReadyCluster()

                    // Given kafkas being created at about 15 a second (some creates fail while the server restarts)
                    let creating = Task {
                        var index = 0
                        while !Task.isCancelled {
                            _ = try? await store.createKafka(makeKafka("k\(index)", created: Date()), limits: [])
                            index += 1
                            try? await Task.sleep(for: .milliseconds(66))
                        }
                    }
                    // When the server restarts in the middle of it
                    let created = await eventually(timeout: .seconds(10)) { ((try? await sql.countKafkasByStatus())?.values.reduce(0, +) ?? 0) >= 10 }
                    #expect(created)
                    #expect(await PostgresTests.run(command) == 0)
                    let resumed = await eventually(timeout: .seconds(30)) {
                        let name = "after-restart-\(UUID().uuidString.prefix(8))"
                        return (try? await store.createKafka(makeKafka(name, created: Date()), limits: [])) != nil
                    }
                    #expect(resumed, "creates succeed again after the restart")
                    creating.cancel()
                    _ = await creating.value

                    // Then every kafka that was stored reaches ready, driven by retries and wake-ups alone
                    let allReady = await eventually(timeout: .seconds(60)) {
                        guard let counts = try? await sql.countKafkasByStatus() else { return false }
                        return counts.keys.allSatisfy { $0 == .ready }
                    }
                    let counts = try await sql.countKafkasByStatus()
                    #expect(allReady, "statuses: \(counts)")
                }
            }
        }
    }

    @Test("after the server restarts, a change published on one feed still reaches a subscriber of another",
          .enabled(if: canRestart, "needs KAFKAFLEET_TEST_DATABASE_URL and KAFKAFLEET_TEST_PG_RESTART"))
    func changeFeedReconnects() async throws {
        let command = try #require(PostgresTests.restartCommand)
        let url = try #require(TestBackend.postgresURL)
        try await Self.exclusively {
            let sender = try PostgresChangeFeed(url: url, operationTimeout: .seconds(2))
            let receiver = try PostgresChangeFeed(url: url, operationTimeout: .seconds(2))
            let seen = SeenChanges()
            await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await sender.run() }
                group.addTask { try await receiver.run() }
                defer { group.cancelAll() }
                let stream = receiver.subscribe()
                group.addTask { for await change in stream { seen.append(change) } }

                // Given two feeds that exchange changes
                let before = FleetChange.kafka(.preparing)
                #expect(await eventually(timeout: .seconds(20)) {
                    await sender.publish(before)
                    return seen.count(of: before) > 0
                })

                // When the server restarts
                #expect(await PostgresTests.run(command) == 0)

                // Then a change published afterwards reaches the other feed's subscriber (once its LISTEN is back)
                let after = FleetChange.cluster(.ready)
                let delivered = await eventually(timeout: .seconds(30)) {
                    await sender.publish(after)
                    return seen.count(of: after) > 0
                }
                #expect(delivered)
            }
        }
    }

    /// Runs `body` while no other PostgreSQL case runs.
    static func exclusively(_ body: () async throws -> Void) async throws {
        await PostgresGate.shared.beginExclusive()
        do {
            try await body()
            await PostgresGate.shared.endExclusive()
        } catch {
            await PostgresGate.shared.endExclusive()
            throw error
        }
    }
}

/// The slowest call and the unexpected errors of callers running in their own tasks.
final class CallRecord: Sendable {
    private let state = Mutex<(slowest: Duration, unexpected: [String])>((.zero, []))

    func took(_ duration: Duration) { state.withLock { $0.slowest = max($0.slowest, duration) } }

    func unexpected(_ error: String) { state.withLock { $0.unexpected.append(error) } }

    var slowest: Duration { state.withLock { $0.slowest } }

    var unexpectedErrors: [String] { state.withLock { $0.unexpected } }
}

/// The kafka workers, the cluster worker and an instant simulated agent on one store, run as services with a
/// resync far longer than any test, so only wake-ups and retries move kafkas.
struct LiveFleet: Sendable {
    static let clusterID = "live-cluster"
    static let clusterDNS = "apps.live-cluster.example.com"

    let store: any FleetStore
    let changes: any ChangeFeed
    let environment: FleetEnvironment

    init(store: any FleetStore, changes: any ChangeFeed) {
        self.store = store
        self.changes = changes
        environment = FleetEnvironment(store: store, quota: AllowAllQuotaService(), dns: FakeDNSProvider(), identity: FakeIdentityProvider())
    }

    /// Adds the workers and the agent to `group`.
    func start(in group: inout ThrowingTaskGroup<Void, any Error>) {
        let cluster = ConfiguredCluster(clusterID: Self.clusterID, status: .provisioning, providerType: .standalone, clusterDNS: Self.clusterDNS)
        let reconcilers: [any Reconciler] = [
            AcceptedKafkaReconciler(environment: environment),
            PreparingKafkaReconciler(environment: environment),
            ProvisioningKafkaReconciler(environment: environment),
            ClusterReconciler(environment: environment, providers: [.standalone: StandaloneClusterProvider()],
                              configuration: ClusterConfigurationSync(environment: environment, clusters: [cluster])),
        ]
        let changes = changes
        for reconciler in reconcilers {
            group.addTask {
                try await ReconcilerService(reconciler: reconciler, changes: changes, resync: .seconds(3600), passTimeout: .seconds(5)).run()
            }
        }
        let service = AgentService(environment: environment, settings: AgentSettings(ssoRealmURL: "https://sso.example.com/auth/realms/test"))
        let agent = SimulatedAgent(transport: DirectAgentTransport(service: service, clusterID: Self.clusterID),
                                   settings: SimulatedAgentSettings(readyAfter: .zero, pollInterval: .seconds(1), clusterDNS: Self.clusterDNS),
                                   changes: changes)
        group.addTask { try await agent.run() }
    }

    /// Waits until the cluster is ready.
    func waitForReadyCluster() async {
        let ready = await eventually(timeout: .seconds(20)) { (try? await store.clusters(inStatuses: [.ready]).count) == 1 }
        #expect(ready, "the cluster became ready")
    }
}
