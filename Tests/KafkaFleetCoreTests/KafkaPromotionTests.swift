import Foundation
import KafkaFleetCore
import KafkaFleetTesting
import Testing

extension ServiceFixture {
    /// Stores an `eval` kafka of alice's in `status`, as if it had been created and provisioned.
    func evalKafka(_ name: String = "trial", status: KafkaStatus = .ready,
                   change: (inout KafkaRequest) -> Void = { _ in }) async throws -> KafkaRequest {
        let created = try await service.create(KafkaCreatePayload(name: name, billingModel: "eval"), by: Self.alice, async: true)
        #expect(created.actualBillingModel == "eval")
        var moved = created
        moved.status = status
        change(&moved)
        return try #require(try await store.updateKafka(moved, expecting: created.status, limits: []).value)
    }

    func promote(_ id: String, to model: String, marketplace: String = "", account: String = "",
                 by requester: Requester = alice, async: Bool = true) async throws {
        try await service.promote(id: id, with: KafkaPromotePayload(desiredBillingModel: model, desiredMarketplace: marketplace,
                                                                     desiredBillingCloudAccountID: account),
                                  by: requester, async: async)
    }
}

@Suite("Kafka service: promote")
struct KafkaPromotionTests {
    @Test("promoting an eval kafka records the desired model and a promotion in progress, nothing else")
    func accepted() async throws {
        let fixture = try await ServiceFixture()
        let kafka = try await fixture.evalKafka { $0.promotionStatus = "failed"; $0.promotionDetails = "an old failure" }
        try await fixture.promote(kafka.id, to: "standard")
        let stored = try #require(await fixture.store.kafka(id: kafka.id))
        #expect(stored.desiredBillingModel == "standard" && stored.actualBillingModel == "eval")
        #expect(stored.promotionStatus == "promoting" && stored.promotionDetails.isEmpty)
        #expect(stored.status == .ready && stored.expiresAt == kafka.expiresAt)
    }

    @Test("a marketplace promotion keeps the marketplace and the account; a standard one clears them")
    func marketplaceFields() async throws {
        let fixture = try await ServiceFixture()
        let toMarketplace = try await fixture.evalKafka("one")
        try await fixture.promote(toMarketplace.id, to: "marketplace", marketplace: "aws", account: "123456")
        let marketplace = try #require(await fixture.store.kafka(id: toMarketplace.id))
        #expect(marketplace.marketplace == "aws" && marketplace.billingCloudAccountID == "123456")

        let toStandard = try await fixture.evalKafka("two") { $0.marketplace = "rhm"; $0.billingCloudAccountID = "9" }
        try await fixture.promote(toStandard.id, to: "standard", marketplace: "aws", account: "123456")
        let standard = try #require(await fixture.store.kafka(id: toStandard.id))
        #expect(standard.marketplace.isEmpty && standard.billingCloudAccountID.isEmpty)
    }

    @Test("an org admin may promote a colleague's kafka; a plain member may not (403 11)")
    func ownership() async throws {
        let fixture = try await ServiceFixture()
        let kafka = try await fixture.evalKafka()
        let refusal = await fleetError { try await fixture.promote(kafka.id, to: "standard", by: ServiceFixture.bob) }
        #expect(refusal?.code == .unauthorized)
        try await fixture.promote(kafka.id, to: "standard", by: ServiceFixture.admin)
        #expect(await fixture.store.kafka(id: kafka.id)?.promotionStatus == "promoting")
    }

    @Test("the checks run in the reference's order, the first failure wins (its 500s are 400 21 here)", arguments: [
        // (async, desired, which kafka, expected code)
        (false, "", "other-org", FleetError.Code.syncActionNotSupported),
        (true, "", "other-org", .minimumFieldLength),
        (true, "standard", "other-org", .notFound),
        (true, "standard", "missing", .notFound),
        (true, "bogus", "not-eval-not-ready", .badRequest),
        (true, "eval", "eval-accepted", .badRequest),
        (true, "eval", "eval-ready", .badRequest),
        (true, "bogus", "eval-promoting", .badRequest),
        (true, "bogus", "eval-ready", .fieldValidation),
        (true, "enterprise", "eval-ready", .fieldValidation),
    ])
    func order(async: Bool, desired: String, which: String, expected: FleetError.Code) async throws {
        let fixture = try await ServiceFixture()
        let id: String
        switch which {
        case "other-org":
            id = try await fixture.service.create(KafkaCreatePayload(name: "theirs", billingModel: "eval"),
                                                  by: ServiceFixture.stranger, async: true).id
        case "missing": id = "cv0000000000000000000"
        case "not-eval-not-ready": id = try await fixture.create("standard-one").id
        case "eval-accepted": id = try await fixture.evalKafka(status: .accepted).id
        case "eval-promoting": id = try await fixture.evalKafka { $0.promotionStatus = "promoting" }.id
        default: id = try await fixture.evalKafka().id
        }
        let error = await fleetError { try await fixture.promote(id, to: desired, async: async) }
        #expect(error?.code == expected)
    }

    @Test("suspended and resuming kafkas may be promoted like ready ones", arguments: [KafkaStatus.suspended, .resuming])
    func promotableStatuses(status: KafkaStatus) async throws {
        let fixture = try await ServiceFixture()
        let kafka = try await fixture.evalKafka(status: status)
        try await fixture.promote(kafka.id, to: "standard")
        #expect(await fixture.store.kafka(id: kafka.id)?.promotionStatus == "promoting")
    }

    @Test("the reasons name the field and the kafka")
    func reasons() async throws {
        let fixture = try await ServiceFixture()
        let kafka = try await fixture.evalKafka()
        let empty = await fleetError { try await fixture.promote(kafka.id, to: "") }
        #expect(empty?.reason == "desired_kafka_billing_model is not valid, minimum length 1 is required")
        let same = await fleetError { try await fixture.promote(kafka.id, to: "eval") }
        #expect(same?.reason == "kafka '\(kafka.id)' is already billed as 'eval'")
        let unknown = await fleetError { try await fixture.promote(kafka.id, to: "bogus") }
        #expect(unknown?.reason.hasPrefix("Field validation failed: ") == true)
    }

    @Test("the quota service's validator runs last and its refusal is the answer")
    func quotaValidator() async throws {
        let fixture = try await ServiceFixture(quota: RefusingPromotionQuota())
        let kafka = try await fixture.evalKafka()
        let error = await fleetError { try await fixture.promote(kafka.id, to: "marketplace") }
        #expect(error?.code == .billingAccountInvalid)
        #expect(await fixture.store.kafka(id: kafka.id)?.promotionStatus == "")
    }
}

/// Allows everything but refuses every promotion with 400 43, as a quota service's validator may.
private struct RefusingPromotionQuota: QuotaService {
    let base = AllowAllQuotaService()
    var quotaType: String { base.quotaType }

    func hasQuota(organisationID: String, owner: String, instanceType: InstanceTypeConfig) async throws -> Bool { true }

    func hasQuota(organisationID: String, owner: String, instanceType: InstanceTypeConfig, billingModel: String) async throws -> Bool {
        true
    }

    func reserve(for kafka: KafkaRequest, instanceType: InstanceTypeConfig) async throws -> QuotaGrant {
        try await base.reserve(for: kafka, instanceType: instanceType)
    }

    func release(for kafka: KafkaRequest) async throws {}

    func isEntitlementActive(for kafka: KafkaRequest) async throws -> Bool { true }

    func validatePromotion(to payload: KafkaPromotePayload, of kafka: KafkaRequest, instanceType: InstanceTypeConfig) throws(FleetError) {
        throw FleetError(.billingAccountInvalid, "Billing account id missing or invalid: refused")
    }
}
