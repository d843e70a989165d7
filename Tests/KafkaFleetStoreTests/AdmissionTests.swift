import Foundation
import KafkaFleetCore
import Testing

/// Admission limits on create and update, checked with the in-memory store's arithmetic.
@Suite("Admission limits")
struct AdmissionTests {
    static let capacity = AdmissionLimit(
        refusal: FleetError(.tooManyKafkaInstancesReached), filter: KafkaFilter(clusterID: "c1", excludingStatuses: [.deleting]),
        measure: .capacityUnits, maximum: 5)
    static let perOwner = AdmissionLimit(
        refusal: FleetError(.maxAllowedInstanceReached), filter: KafkaFilter(owner: "alice"), measure: .instances, maximum: 2)

    @Test("a create that fits every limit is admitted and one that does not is refused by that limit", arguments: TestBackend.all)
    func createLimits(backend: TestBackend) async throws {
        try await withStore(backend) { store in
            // Given 4 units on c1
            _ = try await store.createKafka(makeKafka("a", clusterID: "c1", units: 4), limits: [])

            // When one more unit asks, Then it fits exactly
            #expect(try await store.createKafka(makeKafka("b", owner: "bob", clusterID: "c1", units: 1), limits: [Self.capacity]).value != nil)
            // And a further one is refused by the capacity limit and not stored
            let refused = try await store.createKafka(makeKafka("c", owner: "bob", clusterID: "c1", units: 1), limits: [Self.capacity, Self.perOwner])
            #expect(refused == .refused(Self.capacity))
            #expect(try await store.listKafkas(KafkaListQuery()).total == 2)
            // And one elsewhere is not counted against c1, but alice's third instance breaks her limit
            _ = try await store.createKafka(makeKafka("d", clusterID: "c2"), limits: [])
            let third = try await store.createKafka(makeKafka("e", clusterID: "c2"), limits: [Self.capacity, Self.perOwner])
            #expect(third == .refused(Self.perOwner))
        }
    }

    @Test("an update counts the kafka once, and a stale update conflicts before any limit", arguments: TestBackend.all)
    func updateLimits(backend: TestBackend) async throws {
        try await withStore(backend) { store in
            // Given 5 units used on c1 by two kafkas
            let big = try #require(try await store.createKafka(makeKafka("big", clusterID: "c1", units: 4), limits: []).value)
            _ = try await store.createKafka(makeKafka("small", owner: "bob", clusterID: "c1", units: 1), limits: [])

            // When the big one is rewritten at its size, Then its old copy is not counted twice
            var same = big
            same.status = .preparing
            let written = try #require(try await store.updateKafka(same, expecting: .accepted, limits: [Self.capacity]).value)
            // And growing it past the maximum is refused
            var grown = written
            grown.capacityUnits = 5
            #expect(try await store.updateKafka(grown, expecting: .preparing, limits: [Self.capacity]) == .refused(Self.capacity))
            // And moving it to a status the limit leaves out frees the room, so it is admitted
            grown.status = .deleting
            #expect(try await store.updateKafka(grown, expecting: .preparing, limits: [Self.capacity]).value != nil)
            // And a stale copy that would also break the limit is a conflict
            var stale = big
            stale.capacityUnits = 50
            #expect(try await store.updateKafka(stale, expecting: .accepted, limits: [Self.capacity]).isConflict)
        }
    }
}
