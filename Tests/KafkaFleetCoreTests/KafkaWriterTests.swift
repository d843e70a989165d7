import Foundation
import KafkaFleetCore
import KafkaFleetLocal
import Synchronization
import Testing

/// The one kafka writer carrying out the lifecycle machine's transitions with compare-and-set.
@Suite("Kafka writer")
struct KafkaWriterTests {
    let store = InMemoryFleetStore()
    let clock = ManualWallClock()
    var writer: KafkaWriter { KafkaWriter(store: store, clock: clock) }

    /// A stored kafka, moved along the machine's events to the status the test needs.
    func stored(_ name: String = "demo", after events: [KafkaLifecycle.Event] = []) async throws -> KafkaRequest {
        let new = KafkaRequest(id: ResourceID.make(now: clock.now()), name: name, owner: "alice", organisationID: "org-1",
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

    @Test("written creations and deletions are reported to the observer; a lost write reports nothing")
    func reportsToObserver() async throws {
        let observer = RecordingObserver()
        let writer = KafkaWriter(store: store, clock: clock, observer: observer)
        let versions = KafkaVersions(kafka: "2.7.0", strimzi: "strimzi-cluster-operator.v0.23.0-0", kafkaIBP: "2.7")
        let provisioning = try await stored(after: [.prepared(versions: versions),
                                                    .resourcesReady(bootstrapHost: "b.example.com", namespace: "ns", placementID: "p")])
        var reported = provisioning
        reported.agentReportedReady = true
        reported.routesCreated = true
        let running = try #require(try await writer.write(reported, over: provisioning).value)
        clock.advance(by: .seconds(90))

        _ = try #require(try await writer.apply(.agentReportedReady, to: running)?.value)
        #expect(try await writer.apply(.failed(reason: "late"), to: running) == .conflict)
        let failing = try await stored("failing")
        _ = try #require(try await writer.apply(.failed(reason: "no capacity"), to: failing)?.value)
        let deprovision = try await stored("deleted", after: [.deleteRequested])
        _ = try #require(try await writer.apply(.removalDue, to: deprovision)?.value)

        #expect(observer.reports == ["created after 90.0 s", "creation failed", "deleted"])
    }
}

/// Records the kafka reports an observer receives, in order.
private final class RecordingObserver: FleetObserver {
    private let recorded = Mutex<[String]>([])

    var reports: [String] { recorded.withLock { $0 } }

    func kafkaCreated(took: Duration) { recorded.withLock { $0.append("created after \(took.timeInterval) s") } }
    func kafkaCreationFailed() { recorded.withLock { $0.append("creation failed") } }
    func kafkaDeleted() { recorded.withLock { $0.append("deleted") } }
    func workerPassEnded(workerType: String, duration: Duration, errors: Int) {}
    func leadership(of workerType: String, isLeader: Bool) {}
    func kafkaStatusCounts(_ counts: [KafkaStatus: Int]) {}
}
