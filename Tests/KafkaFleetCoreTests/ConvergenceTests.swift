import Foundation
import KafkaFleetCore
import KafkaFleetTesting
import Testing

@Suite("Convergence under faults")
struct ConvergenceTests {
    /// Runs every reconciler and agent, moving the clock past any backoff, until `done` holds or `rounds` pass.
    private func converge(_ fleet: TestFleet, rounds: Int, done: () async throws -> Bool) async throws -> Int {
        for round in 0..<rounds {
            if try await done() { return round }
            try await fleet.step()
            fleet.clock.advance(by: .seconds(31))
        }
        return rounds
    }

    @Test("1,000 kafkas over 10 clusters all become ready while every provider fails 30% of its calls, and each record and client is created once",
          arguments: FleetBackend.allCases)
    func thousandKafkasUnderFaults(backend: FleetBackend) async throws {
        let fleet = try await TestFleet.on(backend, settings: ReconcilerSettings(preparingTimeout: .seconds(86_400), pageSize: 1_000),
                                           clusters: 10, capacity: 100)
        try await fleet.readyCluster()
        fleet.dns.faults.failureRate = 0.3
        fleet.identity.faults.failureRate = 0.3
        fleet.dns.faults.timing = .afterEffect
        fleet.identity.faults.timing = .afterEffect
        var ids: [String] = []
        for index in 0..<1_000 {
            ids.append(try await fleet.createKafka(name: "kafka-\(index)", organisationID: "org-\(index % 7)").id)
        }

        let rounds = try await converge(fleet, rounds: 60) {
            try await fleet.store.countKafkasByStatus() == [.ready: 1_000]
        }

        let counts = try await fleet.store.countKafkasByStatus()
        #expect(rounds < 60, "did not converge: \(counts)")
        #expect(fleet.dns.faults.injectedFailures > 0 && fleet.identity.faults.injectedFailures > 0)
        var perCluster: [String: Int] = [:]
        for id in ids {
            let kafka = try #require(try await fleet.store.kafka(id: id))
            perCluster[kafka.clusterID, default: 0] += 1
            #expect(fleet.dns.creations(of: kafka.bootstrapServerHost) == 1, "bootstrap record of \(id)")
            #expect(fleet.identity.creations(of: "canary-\(id)") == 1, "canary client of \(id)")
        }
        #expect(perCluster.count == 10)
        #expect(perCluster.values.allSatisfy { $0 <= 100 })
    }

    @Test("a provider down for longer than the preparing timeout fails the kafka with a reason naming the provider")
    func providerDownPastTimeout() async throws {
        let fleet = TestFleet(settings: ReconcilerSettings(preparingTimeout: .seconds(300)))
        try await fleet.readyCluster()
        fleet.dns.faults.isDown = true
        let created = try await fleet.createKafka()

        _ = try await converge(fleet, rounds: 20) { try await fleet.store.kafka(id: created.id)?.status == .failed }

        let failed = try #require(try await fleet.store.kafka(id: created.id))
        #expect(failed.status == .failed)
        #expect(failed.failedReason.hasPrefix("Failed to prepare the instance: fake-dns"))
    }

    @Test("a provider that recovers within the preparing timeout only delays the kafka")
    func providerRecovers() async throws {
        let fleet = TestFleet(settings: ReconcilerSettings(preparingTimeout: .seconds(300)))
        try await fleet.readyCluster()
        fleet.identity.faults.isDown = true
        let created = try await fleet.createKafka()
        _ = try await fleet.drive(created.id, to: .provisioning, steps: 3)
        #expect(try await fleet.store.kafka(id: created.id)?.status == .preparing)

        fleet.identity.faults.isDown = false
        _ = try await converge(fleet, rounds: 10) { try await fleet.store.kafka(id: created.id)?.status == .ready }

        #expect(try await fleet.store.kafka(id: created.id)?.status == .ready)
    }

    @Test("a kafka deleted while its agent is still provisioning it is removed once the agent reports it gone", arguments: FleetBackend.allCases)
    func deleteDuringProvisioning(backend: FleetBackend) async throws {
        let fleet = try await TestFleet.on(backend, readyAfter: .seconds(3600))
        try await fleet.readyCluster()
        let created = try await fleet.createKafka()
        let provisioning = try #require(try await fleet.drive(created.id, to: .provisioning))
        var deprovision = provisioning
        deprovision.status = .deprovision
        _ = try await fleet.environment.write(deprovision, over: provisioning)

        let gone = try await fleet.drive(created.id, to: nil)

        #expect(gone == nil)
        #expect(fleet.dns.records.isEmpty)
        #expect(fleet.identity.clients.keys.filter { $0.hasPrefix("canary-") }.isEmpty)
    }
}
