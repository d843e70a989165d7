import Foundation
import KafkaFleetCore
import KafkaFleetLocal
import Testing

/// The one kafka writer carrying out the lifecycle machine's transitions with compare-and-set.
@Suite("Kafka writer")
struct KafkaWriterTests {
    let store = InMemoryFleetStore()
    let clock = ManualWallClock()
    var writer: KafkaWriter { KafkaWriter(store: store, clock: clock) }

    /// A stored kafka, moved along the machine's events to the status the test needs.
    func stored(after events: [KafkaLifecycle.Event] = []) async throws -> KafkaRequest {
        let new = KafkaRequest(id: ResourceID.make(now: clock.now()), name: "demo", owner: "alice", organisationID: "org-1",
                               cloudProvider: "aws", region: "us-east-1", instanceType: "standard", sizeID: "x1", multiAZ: true,
                               now: clock.now())
        var kafka = try #require(try await store.createKafka(new, limits: []).value)
        for event in events {
            kafka = try #require(try await writer.apply(event, to: kafka)?.value)
        }
        return kafka
    }

    @Test("a move writes the machine's row and stamps the time of the status change")
    func move() async throws {
        let accepted = try await stored()
        clock.advance(by: .seconds(5))
        let deprovision = try #require(try await writer.apply(.deleteRequested, to: accepted)?.value)
        #expect(deprovision.status == .deprovision)
        #expect(deprovision.statusChangedAt == clock.now() && deprovision.updatedAt == clock.now())
        #expect(await store.kafka(id: accepted.id) == deprovision)
    }

    @Test("a refused event writes nothing and throws the machine's refusal")
    func refusal() async throws {
        let accepted = try await stored()
        await #expect(throws: KafkaLifecycle.Refusal(status: .accepted, event: .suspendRequested)) {
            _ = try await writer.apply(.suspendRequested, to: accepted)
        }
        #expect(await store.kafka(id: accepted.id) == accepted)
    }

    @Test("an event that changes nothing writes nothing: a second delete request")
    func stay() async throws {
        let deprovision = try await stored(after: [.deleteRequested])
        #expect(try await writer.apply(.deleteRequested, to: deprovision) == nil)
        #expect(await store.kafka(id: deprovision.id) == deprovision)
    }

    @Test("a writer holding an old copy loses to the one that moved first")
    func lostRace() async throws {
        let accepted = try await stored()
        _ = try #require(try await writer.apply(.deleteRequested, to: accepted)?.value)
        let late = try await writer.apply(.failed(reason: "late"), to: accepted)
        #expect(late == .conflict)
        #expect(await store.kafka(id: accepted.id)?.status == .deprovision)
    }

    @Test("a removal soft-deletes the row as read, and loses when the row changed since")
    func removal() async throws {
        let deprovision = try await stored(after: [.deleteRequested])
        var changed = deprovision
        changed.canaryClientID = "canary-1"
        let recorded = try #require(try await writer.write(changed, over: deprovision).value)
        #expect(try await writer.apply(.removalDue, to: deprovision) == .conflict)
        #expect(try await writer.apply(.removalDue, to: recorded) == .written(recorded))
        #expect(await store.kafka(id: deprovision.id) == nil)
    }
}
