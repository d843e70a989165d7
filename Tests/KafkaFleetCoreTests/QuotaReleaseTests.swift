import Foundation
import KafkaFleetCore
import KafkaFleetTesting
import Testing

@Suite("Quota reservations and their release")
struct QuotaReleaseTests {
    private static let alice = Requester(username: "alice", organisationID: "org-1")

    /// The subscription `ScriptedQuota` hands out for each reservation it made, in order.
    private static func granted(by quota: ScriptedQuota) -> [String] {
        quota.reserved.map { "sub-\($0.billingModel)-\($0.kafkaID)" }
    }

    @Test("a kafka's reservation is released once, by the deletion worker, after the kafka is deleted", arguments: FleetBackend.allCases)
    func releasedOnDeletion(backend: FleetBackend) async throws {
        let quota = ScriptedQuota()
        let fleet = try await TestFleet.on(backend, quota: quota)
        try await fleet.readyCluster()
        let service = KafkaService(store: fleet.store, quota: quota, clock: fleet.clock)
        let created = try await service.create(KafkaCreatePayload(name: "demo"), by: Self.alice, async: true)
        _ = try #require(try await fleet.drive(created.id, to: .ready))
        #expect(quota.reserved.map(\.kafkaID) == [created.id])
        #expect(quota.released.isEmpty, "nothing is released while the kafka lives")

        try await service.delete(id: created.id, by: Self.alice, async: true)
        #expect(try await fleet.drive(created.id, to: nil) == nil)
        for _ in 0..<3 { try await fleet.step() }

        #expect(quota.released == Self.granted(by: quota))
        #expect(quota.released == [created.subscriptionID])
    }

    @Test("a kafka deleted before it was placed still has its reservation released once")
    func releasedWhenDeletedEarly() async throws {
        let quota = ScriptedQuota()
        let fleet = TestFleet(quota: quota)
        _ = await fleet.clusters.reconcile()
        let service = KafkaService(store: fleet.store, quota: quota, clock: fleet.clock)
        let created = try await service.create(KafkaCreatePayload(name: "early"), by: Self.alice, async: true)

        try await service.delete(id: created.id, by: Self.alice, async: true)
        _ = await fleet.deleting.reconcile()
        _ = await fleet.deleting.reconcile()

        #expect(try await fleet.store.kafka(id: created.id) == nil)
        #expect(quota.released == [created.subscriptionID])
        #expect(quota.released == Self.granted(by: quota))
    }

    @Test("a create a limit refuses never asks the quota service: the capacity refusal comes first, and nothing is reserved")
    func limitsBeforeReservation() async throws {
        let quota = ScriptedQuota()
        let providers = ProviderCatalog(supportedProviders: [CloudProviderConfig(name: "aws", isDefault: true, regions: [
            RegionConfig(name: "us-east-1", isDefault: true, supportedInstanceType: ["standard": RegionInstanceTypeLimit(limit: 1)]),
        ])])
        let fleet = TestFleet(quota: quota)
        try await fleet.readyCluster()
        let service = KafkaService(store: fleet.store, quota: quota, providers: providers, clock: fleet.clock)
        _ = try await service.create(KafkaCreatePayload(name: "first"), by: Self.alice, async: true)

        await #expect(throws: FleetError(.tooManyKafkaInstancesReached, "region us-east-1 cannot accept instance type: standard at this moment")) {
            try await service.create(KafkaCreatePayload(name: "second"), by: Self.alice, async: true)
        }

        #expect(quota.reserved.count == 1, "only the first create reserved quota")
        #expect(quota.released.isEmpty)
    }

    @Test("a reservation whose kafka the store refuses to insert is released at once, and the refusal reaches the caller")
    func releasedAfterRefusedInsert() async throws {
        let quota = ScriptedQuota()
        let refusal = FleetError(.tooManyKafkaInstancesReached, "the organisation's subscription allows no more")
        quota.grantLimits([AdmissionLimit(refusal: refusal, filter: KafkaFilter(organisationID: "org-1"), measure: .instances, maximum: 0)])
        let fleet = TestFleet(quota: quota)
        try await fleet.readyCluster()
        let service = KafkaService(store: fleet.store, quota: quota, clock: fleet.clock)

        await #expect(throws: refusal) { try await service.create(KafkaCreatePayload(name: "refused"), by: Self.alice, async: true) }

        #expect(quota.reserved.count == 1)
        #expect(quota.released == Self.granted(by: quota))
        #expect(try await fleet.store.listKafkas(KafkaListQuery()).total == 0)
    }

    @Test("a reservation whose insert fails because the database is down is released at once")
    func releasedAfterFailedInsert() async throws {
        let quota = ScriptedQuota()
        let fleet = TestFleet(quota: quota)
        try await fleet.readyCluster()
        let service = KafkaService(store: UnavailableKafkaWrites(base: fleet.store, insertsToo: true), quota: quota, clock: fleet.clock)

        await #expect(throws: StoreError.self) { try await service.create(KafkaCreatePayload(name: "lost"), by: Self.alice, async: true) }

        #expect(quota.reserved.count == 1)
        #expect(quota.released == Self.granted(by: quota))
    }
}
