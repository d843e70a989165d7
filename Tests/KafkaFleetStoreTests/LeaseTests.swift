import Foundation
import KafkaFleetCore
import Testing

/// Leader leases: one holder per worker type, taken over only once free or expired.
@Suite("Leader leases")
struct LeaseTests {
    @Test("a lease is taken, renewed by its holder, refused to others until it expires or is released", arguments: TestBackend.all)
    func lifecycle(backend: TestBackend) async throws {
        try await withStore(backend) { store in
            // Given no lease yet
            #expect(try await store.lease("accepted_kafka") == nil)

            // When replica A takes it for 30 s, Then A holds it
            #expect(try await store.acquireLease("accepted_kafka", holder: "A", now: t0, duration: .seconds(30)))
            let taken = try #require(try await store.lease("accepted_kafka"))
            #expect(taken.leader == "A")
            #expect(milliseconds(taken.expires) == milliseconds(at(30)))

            // And B is refused while it runs, A renews it
            #expect(try await store.acquireLease("accepted_kafka", holder: "B", now: at(10), duration: .seconds(30)) == false)
            #expect(try await store.acquireLease("accepted_kafka", holder: "A", now: at(20), duration: .seconds(30)))
            #expect(try await store.acquireLease("accepted_kafka", holder: "B", now: at(40), duration: .seconds(30)) == false)
            #expect(milliseconds(try #require(try await store.lease("accepted_kafka")).expires) == milliseconds(at(50)))

            // And once it expires B takes it
            #expect(try await store.acquireLease("accepted_kafka", holder: "B", now: at(51), duration: .seconds(30)))
            #expect(try await store.lease("accepted_kafka")?.leader == "B")

            // And a release by someone else does nothing, B's own release frees it for A at once
            try await store.releaseLease("accepted_kafka", holder: "A")
            #expect(try await store.lease("accepted_kafka")?.leader == "B")
            try await store.releaseLease("accepted_kafka", holder: "B")
            #expect(try await store.lease("accepted_kafka")?.leader == "")
            #expect(try await store.acquireLease("accepted_kafka", holder: "A", now: at(52), duration: .seconds(30)))

            // And other lease types are independent
            #expect(try await store.acquireLease("cluster", holder: "B", now: at(52), duration: .seconds(30)))
        }
    }

    @Test("of many replicas racing for one expired lease exactly one wins", arguments: TestBackend.all)
    func race(backend: TestBackend) async throws {
        try await withStore(backend, connections: 10) { store in
            // Given a lease that expired
            #expect(try await store.acquireLease("cluster", holder: "old", now: t0, duration: .seconds(1)))

            // When 40 replicas try to take it at once
            let winners = try await withThrowingTaskGroup(of: String?.self) { group in
                for replica in 0..<40 {
                    group.addTask {
                        try await store.acquireLease("cluster", holder: "r\(replica)", now: at(5), duration: .seconds(30)) ? "r\(replica)" : nil
                    }
                }
                return try await group.reduce(into: [String]()) { if let winner = $1 { $0.append(winner) } }
            }

            // Then exactly one holds it
            #expect(winners.count == 1)
            #expect(try await store.lease("cluster")?.leader == winners.first)
        }
    }

    @Test("of many replicas racing for a lease nobody took yet exactly one wins", arguments: TestBackend.all)
    func firstRace(backend: TestBackend) async throws {
        try await withStore(backend, connections: 10) { store in
            let winners = try await withThrowingTaskGroup(of: Bool.self) { group in
                for replica in 0..<40 {
                    group.addTask { try await store.acquireLease("fresh", holder: "r\(replica)", now: t0, duration: .seconds(30)) }
                }
                return try await group.reduce(into: 0) { $0 += $1 ? 1 : 0 }
            }
            #expect(winners == 1)
        }
    }
}
