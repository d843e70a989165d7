import Foundation
import KafkaFleetCore
import KafkaFleetTesting
import Testing

@Suite("Kafkas of denied owners")
struct DeniedOwnerTests {
    @Test("housekeeping deprovisions every kafka of a denied owner, whatever its status, and leaves others' alone",
          arguments: FleetBackend.allCases)
    func deprovisionsDenied(backend: FleetBackend) async throws {
        let fleet = try await TestFleet.on(backend)
        try await fleet.readyCluster()
        let deniedReady = try await fleet.createKafka(name: "denied-ready", owner: "mallory")
        _ = try #require(try await fleet.drive(deniedReady.id, to: .ready))
        let deniedAccepted = try await fleet.createKafka(name: "denied-new", owner: "mallory", organisationID: "org-2")
        let allowed = try await fleet.createKafka(name: "allowed", owner: "alice")
        _ = try #require(try await fleet.drive(allowed.id, to: .ready))
        let housekeeping = KafkaHousekeepingReconciler(environment: fleet.environment, deniedUsers: ["mallory", "eve"])

        let report = await housekeeping.reconcile()

        #expect(report.errors.isEmpty)
        #expect(try await fleet.store.kafka(id: deniedReady.id)?.status == .deprovision)
        #expect(try await fleet.store.kafka(id: deniedAccepted.id)?.status == .deprovision)
        #expect(try await fleet.store.kafka(id: allowed.id)?.status == .ready)
        #expect(try await fleet.drive(deniedReady.id, to: nil) == nil)
        #expect(try await fleet.drive(deniedAccepted.id, to: nil) == nil)
        #expect(try await fleet.store.kafka(id: allowed.id)?.status == .ready)
    }

    @Test("a denied owner's kafka already being deleted is not sent back to deprovision")
    func leavesDeletingAlone() async throws {
        let fleet = TestFleet()
        try await fleet.readyCluster()
        let created = try await fleet.createKafka(owner: "mallory")
        let ready = try #require(try await fleet.drive(created.id, to: .ready))
        var deprovision = ready
        deprovision.status = .deprovision
        let marked = try #require(try await fleet.environment.write(deprovision, over: ready).value)
        try await fleet.agent.syncOnce()
        let deleting = try #require(try await fleet.store.kafka(id: marked.id))
        #expect(deleting.status == .deleting)

        _ = await KafkaHousekeepingReconciler(environment: fleet.environment, deniedUsers: ["mallory"]).reconcile()

        #expect(try await fleet.store.kafka(id: created.id) == deleting)
    }

    @Test("with no denied owners, housekeeping deprovisions nothing")
    func noDeniedOwners() async throws {
        let fleet = TestFleet()
        try await fleet.readyCluster()
        let created = try await fleet.createKafka(owner: "mallory")
        let ready = try #require(try await fleet.drive(created.id, to: .ready))

        _ = await KafkaHousekeepingReconciler(environment: fleet.environment).reconcile()

        #expect(try await fleet.store.kafka(id: created.id) == ready)
    }
}
