import Foundation
import KafkaFleetCore
import Testing

/// Many writers at once: compare-and-set and admission limits hold under contention on every backend.
@Suite("Concurrent writers")
struct ConcurrencyTests {
    @Test("of 50 concurrent moves of one kafka from accepted to preparing exactly one wins", arguments: TestBackend.all)
    func statusRace(backend: TestBackend) async throws {
        try await withStore(backend, connections: 10) { store in
            // Given one accepted kafka, read by 50 writers
            let stored = try #require(try await store.createKafka(makeKafka("contended"), limits: []).value)

            // When all of them try to move it at once
            let outcomes = try await withThrowingTaskGroup(of: Bool.self) { group in
                for writer in 0..<50 {
                    group.addTask {
                        var next = stored
                        next.status = .preparing
                        next.placementID = "writer-\(writer)"
                        return try await store.updateKafka(next, expecting: .accepted, limits: []).value != nil
                    }
                }
                return try await group.reduce(into: [Bool]()) { $0.append($1) }
            }

            // Then exactly one wrote, and the row holds its write at revision 2 with one transition recorded
            #expect(outcomes.filter { $0 }.count == 1)
            let final = try #require(try await store.kafka(id: stored.id))
            #expect(final.status == .preparing)
            #expect(final.revision == 2)
            #expect(try await store.statusEvents(resourceID: stored.id).count == 2)
        }
    }

    @Test("of 30 concurrent creates under a limit of 10 exactly 10 are admitted", arguments: TestBackend.all)
    func admissionRace(backend: TestBackend) async throws {
        try await withStore(backend, connections: 10) { store in
            // Given a limit of 10 instances in the region
            let limit = AdmissionLimit(
                refusal: FleetError(.tooManyKafkaInstancesReached), filter: KafkaFilter(region: "us-east-1"),
                measure: .instances, maximum: 10)

            // When 30 writers create a kafka each at once
            let outcomes = try await withThrowingTaskGroup(of: WriteOutcome<KafkaRequest>.self) { group in
                for writer in 0..<30 {
                    group.addTask { try await store.createKafka(makeKafka("k\(writer)"), limits: [limit]) }
                }
                return try await group.reduce(into: [WriteOutcome<KafkaRequest>]()) { $0.append($1) }
            }

            // Then 10 were written and 20 refused by that limit, and 10 exist
            #expect(outcomes.filter { $0.value != nil }.count == 10)
            #expect(outcomes.filter { $0 == .refused(limit) }.count == 20)
            #expect(try await store.sumKafkas(KafkaFilter(region: "us-east-1"), measure: .instances) == 10)
        }
    }
}
