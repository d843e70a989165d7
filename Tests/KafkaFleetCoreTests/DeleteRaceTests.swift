import Foundation
import KafkaFleetCore
import KafkaFleetLocal
import KafkaFleetTesting
import Synchronization
import Testing

/// A DELETE that lands between a worker's provider call and its next step: each test performs it from a fake
/// provider's hook, at the exact moment the chaos harness found resources re-created or left behind.
@Suite("Resources of a kafka deleted while a worker acts on it")
struct DeleteRaceTests {
    @Test("a bootstrap record created while its preparing kafka is deleted all the way is removed by its creator")
    func bootstrapRecordOfKafkaDeletedWhilePreparing() async throws {
        let fleet = try await Self.preparingFleet()
        let kafka = try #require(try await fleet.store.kafkas(inStatuses: [.preparing], limit: 10).first)
        fleet.dns.afterEachCall(Self.once { _ in
            try? await Self.deleteAsTheAPIWould(kafka.id, in: fleet)
            _ = await fleet.deleting.reconcile()
        })

        _ = await fleet.preparing.reconcile()

        let host = KafkaNaming.bootstrapHost(of: kafka, domain: fleet.environment.settings.kafkaDomainName)
        #expect(try await fleet.store.kafka(id: kafka.id) == nil)
        #expect(fleet.dns.creations(of: host) == 1)
        #expect(fleet.dns.deletions(of: host) == 1)
        #expect(fleet.dns.records.isEmpty)
    }

    @Test("a canary client created while its preparing kafka moves to deprovision is recorded, then removed by the deleting worker")
    func canaryClientOfKafkaDeletedWhilePreparing() async throws {
        let fleet = try await Self.preparingFleet()
        let kafka = try #require(try await fleet.store.kafkas(inStatuses: [.preparing], limit: 10).first)
        fleet.identity.afterEachCall(Self.once { _ in try? await Self.deleteAsTheAPIWould(kafka.id, in: fleet) })

        _ = await fleet.preparing.reconcile()
        _ = await fleet.deleting.reconcile()

        try await Self.expectGoneWithItsClientCreatedAndDeletedOnce(kafka, in: fleet)
    }

    @Test("a canary client recorded after the deleting worker read the row fails that worker's soft delete, and its next pass removes the client")
    func canaryClientRecordedAfterTheDeletingWorkerRead() async throws {
        let fleet = try await Self.preparingFleet()
        let kafka = try #require(try await fleet.store.kafkas(inStatuses: [.preparing], limit: 10).first)
        let deleterRead = Signal(), deleterMayGoOn = Signal()
        let deleter = Mutex<Task<ReconcileReport, Never>?>(nil)
        fleet.identity.afterEachCall(Self.once { _ in
            try? await Self.deleteAsTheAPIWould(kafka.id, in: fleet)
            deleter.withLock { $0 = Task { await fleet.deleting.reconcile() } }
            _ = await deleterRead.wait()
        })
        fleet.dns.afterEachCall(Self.once(on: .deleteRecords) { _ in
            deleterRead.fire()
            _ = await deleterMayGoOn.wait()
        })

        _ = await fleet.preparing.reconcile()
        deleterMayGoOn.fire()
        _ = await deleter.withLock({ $0 })?.value

        let recorded = try #require(try await fleet.store.kafka(id: kafka.id), "the soft delete expecting the row it read failed")
        #expect(recorded.status == .deprovision && !recorded.canaryClientID.isEmpty)
        _ = await fleet.deleting.reconcile()
        try await Self.expectGoneWithItsClientCreatedAndDeletedOnce(kafka, in: fleet)
    }

    @Test("a ready kafka deleted after the ready worker read its page does not get its records and client back")
    func readyKafkaDeletedAfterThePageWasRead() async throws {
        let fleet = TestFleet()
        try await fleet.readyCluster()
        var ids: [String] = []
        for name in ["first", "second"] {
            let created = try await fleet.createKafka(name: name)
            _ = try #require(try await fleet.drive(created.id, to: .ready))
            ids.append(created.id)
        }
        let laterID = try #require(ids.max())
        let later = try #require(try await fleet.store.kafka(id: laterID))
        fleet.dns.afterEachCall(Self.once { _ in try? await Self.deleteAllTheWay(later.id, in: fleet) })

        _ = await ReadyKafkaReconciler(environment: fleet.environment).reconcile()

        #expect(try await fleet.store.kafka(id: later.id) == nil)
        let client = KafkaNaming.canaryClientID(of: later)
        #expect(fleet.identity.creations(of: client) == 1)
        #expect(fleet.identity.deletions(of: client) == 1)
        #expect(fleet.identity.clients[client] == nil)
        for record in try Self.records(of: later, in: fleet) {
            #expect(fleet.dns.creations(of: record) == 1)
            #expect(fleet.dns.deletions(of: record) == 1)
            #expect(fleet.dns.records[record] == nil)
        }
    }

    @Test("a canary client re-created by the ready worker after its kafka's deletion went through is removed by that worker")
    func readyKafkaDeletedDuringItsReassertion() async throws {
        let fleet = TestFleet()
        try await fleet.readyCluster()
        let created = try await fleet.createKafka()
        let ready = try #require(try await fleet.drive(created.id, to: .ready))
        fleet.dns.afterEachCall(Self.once { _ in try? await Self.deleteAllTheWay(ready.id, in: fleet) })

        _ = await ReadyKafkaReconciler(environment: fleet.environment).reconcile()

        let client = KafkaNaming.canaryClientID(of: ready)
        #expect(try await fleet.store.kafka(id: ready.id) == nil)
        #expect(fleet.identity.clients[client] == nil)
        #expect(fleet.identity.creations(of: client) == fleet.identity.deletions(of: client))
        #expect(fleet.dns.records.isEmpty)
    }

    @Test("an agent client created while its provisioned cluster is taken down all the way is removed by its creator")
    func agentClientOfClusterDeletedWhileProvisioned() async throws {
        let fleet = TestFleet()
        let worker = ClusterReconciler(environment: fleet.environment, providers: [.standalone: StandaloneClusterProvider()])
        for _ in 0..<5 where try await fleet.store.cluster(clusterID: TestFleet.clusterID)?.status != .provisioned {
            _ = await fleet.clusters.reconcile()
        }
        let provisioned = try #require(try await fleet.store.cluster(clusterID: TestFleet.clusterID))
        #expect(provisioned.status == .provisioned)
        fleet.identity.afterEachCall(Self.once { _ in
            guard let current = try? await fleet.store.cluster(clusterID: TestFleet.clusterID) else { return }
            var leaving = current
            leaving.status = .deprovisioning
            _ = try? await fleet.environment.write(leaving, over: current)
            for _ in 0..<5 { _ = await worker.reconcile() }
        })

        _ = await worker.reconcile()

        #expect(try await fleet.store.cluster(clusterID: TestFleet.clusterID) == nil)
        #expect(fleet.identity.creations(of: provisioned.clientID) == 1)
        #expect(fleet.identity.deletions(of: provisioned.clientID) == 1)
        #expect(fleet.identity.clients.isEmpty)
    }

    @Test("a subscription granted to a promotion while its kafka is deleted all the way is released by the promoting worker")
    func promotionOfKafkaDeletedMeanwhile() async throws {
        let store = InMemoryFleetStore()
        let clock = ManualWallClock()
        let quota = ScriptedQuota()
        let environment = FleetEnvironment(store: store, clock: clock, quota: quota, dns: FakeDNSProvider(), identity: FakeIdentityProvider())
        let deleting = DeletingKafkaReconciler(environment: environment)
        var trial = KafkaRequest(id: ResourceID.make(now: clock.now()), name: "trial", owner: "alice", organisationID: "org-1",
                                 cloudProvider: "aws", region: "us-east-1", instanceType: "standard", sizeID: "x1",
                                 multiAZ: true, now: clock.now())
        trial.status = .ready
        trial.actualBillingModel = "eval"
        trial.desiredBillingModel = "standard"
        trial.promotionStatus = "promoting"
        trial.subscriptionID = "sub-eval"
        let kafka = try #require(try await store.createKafka(trial, limits: []).value)
        let fired = Mutex(false)
        quota.afterReserve {
            guard fired.withLock({ fired in defer { fired = true }; return !fired }) else { return }
            guard let current = await store.kafka(id: kafka.id) else { return }
            var leaving = current
            leaving.status = .deprovision
            guard let deprovision = try? await environment.write(leaving, over: current).value else { return }
            var gone = deprovision
            gone.status = .deleting
            _ = try? await environment.write(gone, over: deprovision)
            _ = await deleting.reconcile()
        }

        _ = await PromotingKafkaReconciler(environment: environment).reconcile()

        #expect(await store.kafka(id: kafka.id) == nil)
        #expect(Set(quota.released) == ["sub-eval", "sub-standard-\(kafka.id)"])
    }

    /// A fleet with a ready cluster and one kafka in `preparing`.
    /// Checks that `kafka` is soft-deleted, its canary client was created once and deleted once, and no DNS record
    /// is left.
    private static func expectGoneWithItsClientCreatedAndDeletedOnce(
        _ kafka: KafkaRequest, in fleet: TestFleet, sourceLocation: SourceLocation = #_sourceLocation
    ) async throws {
        let client = KafkaNaming.canaryClientID(of: kafka)
        #expect(try await fleet.store.kafka(id: kafka.id) == nil, sourceLocation: sourceLocation)
        #expect(fleet.identity.creations(of: client) == 1, sourceLocation: sourceLocation)
        #expect(fleet.identity.deletions(of: client) == 1, sourceLocation: sourceLocation)
        #expect(fleet.identity.clients[client] == nil, sourceLocation: sourceLocation)
        #expect(fleet.dns.records.isEmpty, sourceLocation: sourceLocation)
    }

    private static func preparingFleet() async throws -> TestFleet {
        let fleet = TestFleet()
        try await fleet.readyCluster()
        _ = try await fleet.createKafka()
        _ = await fleet.accepted.reconcile()
        return fleet
    }

    /// Moves the kafka to `deprovision`, as `DELETE /kafkas/{id}` does.
    private static func deleteAsTheAPIWould(_ id: String, in fleet: TestFleet) async throws {
        let current = try #require(try await fleet.store.kafka(id: id))
        var deprovision = current
        deprovision.status = .deprovision
        _ = try #require(try await fleet.environment.write(deprovision, over: current).value)
    }

    /// Deletes the kafka, lets its agent report it gone and the deleting worker soft-delete it.
    private static func deleteAllTheWay(_ id: String, in fleet: TestFleet) async throws {
        try await deleteAsTheAPIWould(id, in: fleet)
        for _ in 0..<10 where try await fleet.store.kafka(id: id) != nil {
            try await fleet.agent.syncOnce()
            _ = await fleet.deleting.reconcile()
        }
        try #require(try await fleet.store.kafka(id: id) == nil)
    }

    /// The names of a ready kafka's DNS records.
    private static func records(of kafka: KafkaRequest, in fleet: TestFleet) throws -> [String] {
        let names = KafkaNaming.dnsRecords(of: kafka, domain: fleet.environment.settings.kafkaDomainName, ingress: "").map(\.name)
        try #require(names.count > 1)
        return names
    }

    /// A provider hook that runs `action` on its first call (of `operation`, when given) only; the calls `action`
    /// makes run no hook.
    private static func once<Operation: Sendable & Equatable>(on only: Operation? = nil,
                                                              _ action: @escaping @Sendable (Operation) async -> Void) -> @Sendable (Operation) async -> Void {
        let fired = Mutex(false)
        return { operation in
            guard only == nil || only == operation, fired.withLock({ fired in defer { fired = true }; return !fired }) else { return }
            await action(operation)
        }
    }
}

/// A one-shot signal from one task of a test to another, awaited with a deadline.
private final class Signal: Sendable {
    private let stream: AsyncStream<Void>
    private let continuation: AsyncStream<Void>.Continuation

    init() {
        (stream, continuation) = AsyncStream.makeStream()
    }

    /// Lets the waiter go on.
    func fire() {
        continuation.yield()
        continuation.finish()
    }

    /// Whether the signal came within `timeout`.
    func wait(within timeout: Duration = .seconds(10)) async -> Bool {
        await withTaskGroup(of: Bool.self) { group in
            group.addTask { [stream] in
                for await _ in stream { return true }
                return !Task.isCancelled
            }
            group.addTask {
                try? await Task.sleep(for: timeout)
                return false
            }
            let first = await group.next() ?? false
            group.cancelAll()
            return first
        }
    }
}
