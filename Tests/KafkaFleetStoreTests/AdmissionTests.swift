import Foundation
import KafkaFleetCore
import Synchronization
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

    @Test("the admission step runs only when the name and the limits hold, and its row and limits are what count", arguments: TestBackend.all)
    func admissionStep(backend: TestBackend) async throws {
        try await withStore(backend) { store in
            let admitted = AdmissionCount()
            let reserve: @Sendable (KafkaRequest) async throws -> Admission = { kafka in
                admitted.add(kafka.name)
                var completed = kafka
                completed.subscriptionID = "sub-\(kafka.name)"
                return Admission(completed, limits: [Self.perOwner])
            }
            // Given 4 units on c1 and one instance of alice's
            _ = try await store.createKafka(makeKafka("a", clusterID: "c1", units: 4), limits: [])

            // When a create fits: its admission runs and the row it completed is stored
            let fits = try await store.createKafka(makeKafka("b", clusterID: "c1", units: 1), limits: [Self.capacity], admit: reserve)
            #expect(fits.value?.subscriptionID == "sub-b")
            #expect(try await store.kafka(id: fits.value?.id ?? "")?.subscriptionID == "sub-b")

            // When the limits refuse, or the name is taken, the admission step does not run
            #expect(try await store.createKafka(makeKafka("c", clusterID: "c1", units: 1), limits: [Self.capacity], admit: reserve)
                    == .refused(Self.capacity))
            await #expect(throws: StoreError(.duplicateKafkaName)) {
                _ = try await store.createKafka(makeKafka("b", clusterID: "c2"), limits: [], admit: reserve)
            }
            // When the limits the admission names refuse (alice's third instance), nothing is stored
            #expect(try await store.createKafka(makeKafka("d", clusterID: "c2"), limits: [], admit: reserve) == .refused(Self.perOwner))

            #expect(admitted.names == ["b", "d"])
            #expect(try await store.listKafkas(KafkaListQuery()).total == 2)
        }
    }

    @Test("a refusing admission step writes nothing, and its error reaches the caller as it is", arguments: TestBackend.all)
    func admissionRefuses(backend: TestBackend) async throws {
        try await withStore(backend) { store in
            let refusal = FleetError(.insufficientQuota, "no quota left")

            await #expect(throws: refusal) {
                _ = try await store.createKafka(makeKafka("a"), limits: [], admit: { _ in throw refusal })
            }

            let stored = try await store.listKafkas(KafkaListQuery()).total
            let again = try await store.createKafka(makeKafka("a"), limits: [])
            #expect(stored == 0)
            #expect(again.value != nil, "the name is still free")
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

/// The kafkas an admission step was run for, in order.
private final class AdmissionCount: Sendable {
    private let recorded = Mutex<[String]>([])

    var names: [String] { recorded.withLock { $0 } }

    func add(_ name: String) { recorded.withLock { $0.append(name) } }
}
