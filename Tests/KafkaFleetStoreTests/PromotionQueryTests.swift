import Foundation
import KafkaFleetCore
import Testing

/// The promoting worker's query: which kafkas have a promotion to carry out.
@Suite("Kafkas awaiting promotion")
struct PromotionQueryTests {
    @Test("only promotable statuses with differing billing models and no failed promotion, least recently updated first",
          arguments: TestBackend.all)
    func selection(backend: TestBackend) async throws {
        try await withStore(backend) { store in
            // name, status, actual, desired, promotion status, updated offset
            let rows: [(String, KafkaStatus, String, String, String, Double)] = [
                ("late", .ready, "eval", "standard", "promoting", 5),
                ("early", .suspended, "eval", "marketplace", "promoting", 1),
                ("resuming", .resuming, "eval", "standard", "", 3),
                ("same-model", .ready, "standard", "standard", "", 2),
                ("given-up", .ready, "eval", "standard", "failed", 2),
                ("provisioning", .provisioning, "eval", "standard", "promoting", 2),
                ("deleting", .deprovision, "eval", "standard", "promoting", 2),
            ]
            for (name, status, actual, desired, promotion, offset) in rows {
                var kafka = makeKafka(name, created: t0)
                kafka.actualBillingModel = actual
                kafka.desiredBillingModel = desired
                kafka.promotionStatus = promotion
                let created = try #require(try await store.createKafka(kafka, limits: []).value)
                var moved = created
                moved.status = status
                moved.updatedAt = at(offset)
                _ = try #require(try await store.updateKafka(moved, expecting: .accepted, limits: []).value)
            }
            let names = try await store.kafkasAwaitingPromotion(limit: 10).map(\.name)
            #expect(names == ["early", "resuming", "late"])
            #expect(try await store.kafkasAwaitingPromotion(limit: 1).map(\.name) == ["early"])
        }
    }
}
