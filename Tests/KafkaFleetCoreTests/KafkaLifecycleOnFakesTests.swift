import Foundation
import KafkaFleetCore
import KafkaFleetTesting
import Testing

@Suite("A kafka's life on fakes")
struct KafkaLifecycleOnFakesTests {
    @Test("an accepted kafka becomes ready with a bootstrap record, route records and a canary client", arguments: FleetBackend.allCases)
    func becomesReady(backend: FleetBackend) async throws {
        let fleet = try await TestFleet.on(backend)
        try await fleet.readyCluster()
        let created = try await fleet.createKafka()

        let ready = try #require(try await fleet.drive(created.id, to: .ready))

        #expect(ready.status == .ready)
        #expect(ready.clusterID == TestFleet.clusterID)
        #expect(ready.bootstrapServerHost == "demo-\(created.id).kafka.kafkafleet.local")
        #expect(ready.desiredVersions == KafkaVersions(kafka: "3.3.1", strimzi: "strimzi-cluster-operator.v0.32.0-3", kafkaIBP: "3.3"))
        #expect(ready.actualVersions == ready.desiredVersions)
        #expect(ready.routesCreated)
        let records = fleet.dns.records
        #expect(records[ready.bootstrapServerHost]?.target == "router-default.local-cluster.example.com")
        #expect(records["admin-server-\(ready.bootstrapServerHost)"] != nil)
        #expect(fleet.identity.clients["canary-\(created.id)"]?.secret == ready.canaryClientSecret)
        let history = try await fleet.store.statusEvents(resourceID: created.id).map(\.toStatus)
        #expect(history == ["accepted", "preparing", "provisioning", "ready"])
    }

    @Test("a deleted ready kafka is removed by its agent, then its records and client are removed and it is soft-deleted",
          arguments: FleetBackend.allCases)
    func deletion(backend: FleetBackend) async throws {
        let fleet = try await TestFleet.on(backend)
        try await fleet.readyCluster()
        let created = try await fleet.createKafka()
        let ready = try #require(try await fleet.drive(created.id, to: .ready))
        var deprovision = ready
        deprovision.status = .deprovision
        _ = try await fleet.environment.write(deprovision, over: ready)

        let gone = try await fleet.drive(created.id, to: nil)

        #expect(gone == nil)
        #expect(fleet.dns.records.isEmpty)
        #expect(fleet.identity.clients["canary-\(created.id)"] == nil)
        let history = try await fleet.store.statusEvents(resourceID: created.id).map(\.toStatus)
        #expect(history.suffix(3) == ["deprovision", "deleting", "deleted"])
    }

    @Test("a kafka deleted before it reached its agent is soft-deleted without waiting for the agent")
    func deletionBeforeAgent() async throws {
        let fleet = TestFleet()
        let created = try await fleet.createKafka()
        var deprovision = created
        deprovision.status = .deprovision
        _ = try await fleet.environment.write(deprovision, over: created)

        _ = await fleet.deleting.reconcile()

        #expect(try await fleet.store.kafka(id: created.id) == nil)
    }

    @Test("a kafka whose agent stays silent fails after the provisioning timeout with a reason saying so", arguments: FleetBackend.allCases)
    func provisioningTimeout(backend: FleetBackend) async throws {
        let fleet = try await TestFleet.on(backend, settings: ReconcilerSettings(provisioningTimeout: .seconds(1800)))
        try await fleet.readyCluster()
        let created = try await fleet.createKafka()
        await fleet.agent.setSilent(true)
        _ = try await fleet.drive(created.id, to: .provisioning)

        fleet.clock.advance(by: .seconds(1799))
        _ = await fleet.provisioning.reconcile()
        #expect(try await fleet.store.kafka(id: created.id)?.status == .provisioning)
        fleet.clock.advance(by: .seconds(2))
        _ = await fleet.provisioning.reconcile()

        let failed = try #require(try await fleet.store.kafka(id: created.id))
        #expect(failed.status == .failed)
        #expect(failed.failedReason == "The data plane did not report the instance ready within 30 minutes.")
    }

    @Test("a kafka the agent reports in error fails with the reference's reason")
    func agentError() async throws {
        let fleet = TestFleet(readyAfter: .seconds(60))
        try await fleet.readyCluster()
        let created = try await fleet.createKafka()
        _ = try await fleet.drive(created.id, to: .provisioning)
        await fleet.agent.fail(kafkaID: created.id)

        let failed = try #require(try await fleet.drive(created.id, to: .failed))

        #expect(failed.failedReason == "Kafka reported as failed from the data plane")
    }

    @Test("an accepted kafka with no cluster fails after the placement timeout")
    func placementTimeout() async throws {
        let fleet = TestFleet()
        let created = try await fleet.createKafka()
        _ = await fleet.accepted.reconcile()
        #expect(try await fleet.store.kafka(id: created.id)?.status == .accepted)

        fleet.clock.advance(by: .seconds(3600))
        _ = await fleet.accepted.reconcile()

        let failed = try #require(try await fleet.store.kafka(id: created.id))
        #expect(failed.status == .failed)
        #expect(failed.failedReason == "Region us-east-1 in cloud provider aws cannot accept standard Kafka of size x1 at the moment.")
    }

    @Test("a developer kafka is deprovisioned once it expires", arguments: FleetBackend.allCases)
    func expiry(backend: FleetBackend) async throws {
        let fleet = try await TestFleet.on(backend)
        try await fleet.readyCluster()
        var created = try await fleet.createKafka(instanceType: "developer")
        let original = created
        created.expiresAt = fleet.clock.now().addingTimeInterval(172_800)
        _ = try await fleet.environment.write(created, over: original)

        fleet.clock.advance(by: .seconds(172_799))
        _ = await fleet.housekeeping.reconcile()
        #expect(try await fleet.store.kafka(id: created.id)?.status == .accepted)
        fleet.clock.advance(by: .seconds(2))
        _ = await fleet.housekeeping.reconcile()

        #expect(try await fleet.store.kafka(id: created.id)?.status == .deprovision)
    }
}
