import Foundation
import KafkaFleetCore
import KafkaFleetLocal
import KafkaFleetTesting
import Testing

/// The promoting worker on an in-memory store, a scripted quota service and a manual clock.
private struct PromotionFleet {
    let store = InMemoryFleetStore()
    let clock = ManualWallClock()
    let quota = ScriptedQuota()
    let worker: PromotingKafkaReconciler

    init() {
        worker = PromotingKafkaReconciler(environment: FleetEnvironment(
            store: store, clock: clock, quota: quota, dns: FakeDNSProvider(), identity: FakeIdentityProvider()))
    }

    /// Stores a ready `eval` kafka with an evaluation subscription and expiry, with a promotion to `desired` asked for.
    func promoting(to desired: String = "standard", name: String = "trial",
                   change: (inout KafkaRequest) -> Void = { _ in }) async throws -> KafkaRequest {
        let now = clock.now()
        var kafka = KafkaRequest(id: ResourceID.make(now: now), name: name, owner: "alice", organisationID: "org-1",
                                 cloudProvider: "aws", region: "us-east-1", instanceType: "standard", sizeID: "x1",
                                 multiAZ: true, now: now)
        kafka.status = .ready
        kafka.actualBillingModel = "eval"
        kafka.desiredBillingModel = desired
        kafka.promotionStatus = "promoting"
        kafka.subscriptionID = "sub-eval"
        kafka.expiresAt = now.addingTimeInterval(4 * 86_400)
        change(&kafka)
        return try #require(try await store.createKafka(kafka, limits: []).value)
    }

    func stored(_ kafka: KafkaRequest) async throws -> KafkaRequest {
        try #require(await store.kafka(id: kafka.id))
    }
}

@Suite("Promoting worker")
struct PromotingKafkaReconcilerTests {
    @Test("a promotion reserves the desired model, releases the old subscription and records the new one without expiry")
    func success() async throws {
        let fleet = PromotionFleet()
        let kafka = try await fleet.promoting(to: "standard")
        let report = await fleet.worker.reconcile()
        #expect(report.changed == 1 && report.errors.isEmpty)
        let promoted = try await fleet.stored(kafka)
        #expect(promoted.actualBillingModel == "standard" && promoted.desiredBillingModel == "standard")
        #expect(promoted.subscriptionID == "sub-standard-\(kafka.id)")
        #expect(promoted.promotionStatus.isEmpty && promoted.promotionDetails.isEmpty)
        #expect(promoted.expiresAt == nil && promoted.status == .ready)
        #expect(fleet.quota.reserved.map(\.billingModel) == ["standard"])
        #expect(fleet.quota.released == ["sub-eval"])
        #expect(await fleet.worker.reconcile().examined == 0)
    }

    @Test("a quota service that hands back the same subscription has moved it, so nothing is released")
    func sameSubscription() async throws {
        let fleet = PromotionFleet()
        fleet.quota.alwaysGrant(subscription: "sub-eval")
        let kafka = try await fleet.promoting()
        _ = await fleet.worker.reconcile()
        #expect(fleet.quota.released.isEmpty)
        #expect(try await fleet.stored(kafka).actualBillingModel == "standard")
    }

    @Test("an unreachable quota service leaves the promotion in progress with details and retries it after the backoff")
    func recoverable() async throws {
        let fleet = PromotionFleet()
        let kafka = try await fleet.promoting()
        fleet.quota.failReserve(with: ProviderError(.unavailable, provider: "ams", "connection refused"))
        let failed = await fleet.worker.reconcile()
        #expect(failed.errors.count == 1 && failed.retryAfter != nil)
        let waiting = try await fleet.stored(kafka)
        #expect(waiting.promotionStatus == "promoting" && waiting.promotionDetails == "ams: connection refused")
        #expect(waiting.actualBillingModel == "eval")

        fleet.quota.failReserve(with: nil)
        #expect(await fleet.worker.reconcile().changed == 0, "still backing off")
        fleet.clock.advance(by: .seconds(1))
        #expect(await fleet.worker.reconcile().changed == 1)
        let promoted = try await fleet.stored(kafka)
        #expect(promoted.actualBillingModel == "standard" && promoted.promotionStatus.isEmpty && promoted.promotionDetails.isEmpty)
    }

    @Test("a failed release of the old quota is recoverable too")
    func releaseFails() async throws {
        let fleet = PromotionFleet()
        let kafka = try await fleet.promoting()
        fleet.quota.failRelease(with: ProviderError(.unavailable, provider: "ams", "HTTP 503"))
        _ = await fleet.worker.reconcile()
        #expect(try await fleet.stored(kafka).promotionStatus == "promoting")
        fleet.quota.failRelease(with: nil)
        fleet.clock.advance(by: .seconds(1))
        _ = await fleet.worker.reconcile()
        #expect(try await fleet.stored(kafka).actualBillingModel == "standard")
        #expect(fleet.quota.released == ["sub-eval"])
    }

    @Test("a quota refusal fails the promotion for good; the worker leaves it until the user promotes again", arguments: [
        FleetError(.insufficientQuota, "Insufficient quota: Insufficient Quota") as any Error,
        ProviderError(.rejected, provider: "ams", "HTTP 400 bad billing model") as any Error,
    ])
    func nonRecoverable(error: any Error) async throws {
        let fleet = PromotionFleet()
        let kafka = try await fleet.promoting()
        fleet.quota.failReserve(with: error)
        let report = await fleet.worker.reconcile()
        #expect(report.changed == 1 && report.errors.isEmpty)
        let failed = try await fleet.stored(kafka)
        #expect(failed.promotionStatus == "failed" && !failed.promotionDetails.isEmpty)
        #expect(failed.actualBillingModel == "eval" && failed.desiredBillingModel == "standard")
        fleet.quota.failReserve(with: nil)
        fleet.clock.advance(by: .seconds(60))
        #expect(await fleet.worker.reconcile().examined == 0)
    }

    @Test("a limit that the grant brings is checked with the write; breaking it fails the promotion with its refusal")
    func limitRefused() async throws {
        let fleet = PromotionFleet()
        let refusal = FleetError(.maxAllowedInstanceReached, "organization 'org-1' has reached a maximum number of 0 allowed streaming units")
        fleet.quota.grantLimits([AdmissionLimit(refusal: refusal, filter: KafkaFilter(organisationID: "org-1"),
                                                measure: .capacityUnits, maximum: 0)])
        let kafka = try await fleet.promoting()
        _ = await fleet.worker.reconcile()
        let failed = try await fleet.stored(kafka)
        #expect(failed.promotionStatus == "failed" && failed.promotionDetails == refusal.reason)
        #expect(failed.actualBillingModel == "eval")
    }

    @Test("only kafkas with a pending promotion in a promotable status are worked on")
    func selection() async throws {
        let fleet = PromotionFleet()
        _ = try await fleet.promoting(name: "done") { $0.actualBillingModel = "standard"; $0.promotionStatus = "" }
        _ = try await fleet.promoting(name: "given-up") { $0.promotionStatus = "failed" }
        _ = try await fleet.promoting(name: "deleting") { $0.status = .deprovision }
        let suspended = try await fleet.promoting(name: "suspended") { $0.status = .suspended }
        let report = await fleet.worker.reconcile()
        #expect(report.examined == 1 && report.changed == 1)
        #expect(try await fleet.stored(suspended).actualBillingModel == "standard")
    }

    @Test("writes of kafkas in promotable statuses wake the worker, others do not")
    func interest() {
        let worker = PromotionFleet().worker
        #expect(worker.workerType == "promoting_kafka")
        #expect(worker.isInterested(in: .kafka(.ready)) && worker.isInterested(in: .kafka(.suspended)))
        #expect(worker.isInterested(in: .kafka(.resuming)))
        #expect(!worker.isInterested(in: .kafka(.accepted)) && !worker.isInterested(in: .cluster(.ready)))
    }
}
