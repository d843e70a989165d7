import Foundation
import Hummingbird
import HummingbirdTesting
import KafkaFleetCore
import KafkaFleetProviders
import Testing

@Suite("AMS quota service against a fake AMS")
struct AMSQuotaServiceTests {
    static let standard = InstanceTypeCatalog.default.instanceType("standard")!

    static func kafka(org: String = "13640203", desiredBillingModel: String = "", quotaUnits: Int = 1) -> KafkaRequest {
        var kafka = KafkaRequest(
            id: "cl1abc0000000000000a", name: "my-kafka", owner: "alice", organisationID: org, cloudProvider: "aws",
            region: "us-east-1", instanceType: "standard", sizeID: "x1", multiAZ: true, quotaUnits: quotaUnits,
            now: Date(timeIntervalSince1970: 1_700_000_000))
        kafka.desiredBillingModel = desiredBillingModel
        return kafka
    }

    /// Runs `body` with a live fake AMS and a service pointing at it.
    static func withAMS(
        token: String? = nil, _ body: @Sendable (FakeAMS, AMSQuotaService) async throws -> Void
    ) async throws {
        let fake = FakeAMS()
        try await fake.application.test(.live) { client in
            let service = AMSQuotaService(configuration: AMSConfiguration(
                baseURL: "http://localhost:\(try #require(client.port))", token: token ?? fake.token))
            try await body(fake, service)
        }
    }

    @Test("a reservation with room is authorised with the reference's payload and returns the subscription")
    func reserveGranted() async throws {
        try await Self.withAMS { ams, quota in
            // Given an organisation with 2 standard units of which none are used
            ams.addOrganisation(externalID: "13640203", amsID: "org-1", quota: [.init(allowed: 2, consumed: 0, billingModel: "standard")])

            // When a one-unit kafka is reserved
            let grant = try await quota.reserve(for: Self.kafka(), instanceType: Self.standard)

            // Then AMS created a subscription, consumed a unit, and got the reference's authorization
            #expect(grant.billingModel == "standard")
            #expect(ams.subscriptions == [grant.subscriptionID])
            #expect(ams.quotaCosts(of: "org-1").first?.consumed == 1)
            let body = try #require(ams.authorizations.first)
            #expect(body["account_username"] as? String == "alice")
            #expect(body["cloud_provider_id"] as? String == "aws")
            #expect(body["product_id"] as? String == "RHOSAK")
            #expect(body["cluster_id"] as? String == "cl1abc0000000000000a")
            #expect(body["external_cluster_id"] as? String == "cl1abc0000000000000a")
            #expect(body["availability_zone"] as? String == "multi")
            #expect(body["reserve"] as? Bool == true)
            #expect(body["managed"] as? Bool == true)
            #expect(body["byoc"] as? Bool == false)
            #expect(body["disconnected"] as? Bool == false)
            let resource = try #require((body["resources"] as? [[String: Any]])?.first)
            #expect(resource["resource_type"] as? String == "cluster.aws")
            #expect(resource["resource_name"] as? String == "rhosak")
            #expect(resource["billing_model"] as? String == "standard")
            #expect(resource["count"] as? Int == 1)
        }
    }

    @Test("a reservation AMS does not allow is the insufficient-quota refusal")
    func reserveRefused() async throws {
        try await Self.withAMS { ams, quota in
            // Given an organisation whose only standard unit is used
            ams.addOrganisation(externalID: "13640203", amsID: "org-1", quota: [.init(allowed: 1, consumed: 1, billingModel: "standard")])

            // When a kafka asking explicitly for standard billing is reserved
            let error = await #expect(throws: FleetError.self) {
                _ = try await quota.reserve(for: Self.kafka(desiredBillingModel: "standard"), instanceType: Self.standard)
            }

            // Then AMS was asked and refused, and the caller sees the reference's refusal
            #expect(error == FleetError(.insufficientQuota, "Insufficient quota: Insufficient Quota"))
            #expect(ams.authorizations.count == 1)
            #expect(ams.subscriptions.isEmpty)
        }
    }

    @Test("without a desired billing model, marketplace is chosen when standard has no room")
    func billingModelFallsBackToMarketplace() async throws {
        try await Self.withAMS { ams, quota in
            // Given a full standard quota and a marketplace quota with room
            ams.addOrganisation(externalID: "13640203", amsID: "org-1", quota: [
                .init(allowed: 1, consumed: 1, billingModel: "standard"),
                .init(allowed: 5, consumed: 0, billingModel: "marketplace-aws"),
            ])

            // When a kafka without a billing model is reserved
            let grant = try await quota.reserve(for: Self.kafka(), instanceType: Self.standard)

            // Then it is billed through the marketplace
            #expect(grant.billingModel == "marketplace")
            let resource = try #require((ams.authorizations.first?["resources"] as? [[String: Any]])?.first)
            #expect(resource["billing_model"] as? String == "marketplace-aws")
        }
    }

    @Test("without room in any billing model the refusal comes before any authorization")
    func noRoomAnywhere() async throws {
        try await Self.withAMS { ams, quota in
            // Given an organisation with no free units at all
            ams.addOrganisation(externalID: "13640203", amsID: "org-1", quota: [.init(allowed: 1, consumed: 1, billingModel: "standard")])

            // When a kafka is reserved, Then it is refused without asking for an authorization
            await #expect(throws: FleetError(.insufficientQuota, "Insufficient quota: Insufficient Quota")) {
                _ = try await quota.reserve(for: Self.kafka(), instanceType: Self.standard)
            }
            #expect(ams.authorizations.isEmpty)
        }
    }

    @Test("releasing deletes the subscription and ends the entitlement; releasing again is not an error")
    func releaseIsIdempotent() async throws {
        try await Self.withAMS { ams, quota in
            // Given a reserved kafka
            ams.addOrganisation(externalID: "13640203", amsID: "org-1", quota: [.init(allowed: 2, consumed: 0, billingModel: "standard")])
            var kafka = Self.kafka()
            let grant = try await quota.reserve(for: kafka, instanceType: Self.standard)
            kafka.subscriptionID = grant.subscriptionID
            kafka.actualBillingModel = grant.billingModel
            #expect(try await quota.isEntitlementActive(for: kafka))

            // When AMS's quota for it is overdrawn (allowed cut to 0 while 1 is consumed), Then it is inactive
            ams.setAllowed(0, in: "org-1")
            #expect(try await quota.isEntitlementActive(for: kafka) == false)
            ams.setAllowed(2, in: "org-1")

            // When it is released twice
            try await quota.release(for: kafka)
            try await quota.release(for: kafka)

            // Then the subscription is gone and the entitlement no longer active
            #expect(ams.subscriptions.isEmpty)
            #expect(try await quota.isEntitlementActive(for: kafka) == false)
        }
    }

    @Test("quota exists for an organisation with allowed standard units and not for an unknown one")
    func hasQuota() async throws {
        try await Self.withAMS { ams, quota in
            // Given one organisation with quota and one with an allowance of zero
            ams.addOrganisation(externalID: "with", amsID: "org-1", quota: [.init(allowed: 3, consumed: 3, billingModel: "standard")])
            ams.addOrganisation(externalID: "without", amsID: "org-2", quota: [.init(allowed: 0, consumed: 0, billingModel: "standard")])

            // When each is asked about
            let with = try await quota.hasQuota(organisationID: "with", owner: "alice", instanceType: Self.standard)
            let without = try await quota.hasQuota(organisationID: "without", owner: "bob", instanceType: Self.standard)
            let unknown = try await quota.hasQuota(organisationID: "unknown", owner: "carol", instanceType: Self.standard)

            // Then only the first has quota (used or not)
            #expect(with)
            #expect(without == false)
            #expect(unknown == false)
        }
    }

    @Test("enterprise quota is an allowed RHOSAKCC quota cost; RHOSAK quota alone is not enough")
    func enterpriseQuota() async throws {
        try await Self.withAMS { ams, quota in
            // Given one organisation with enterprise (RHOSAKCC) quota and one with standard (RHOSAK) quota only
            ams.addOrganisation(externalID: "customer", amsID: "org-1",
                                quota: [.init(allowed: 1, consumed: 0, product: "RHOSAKCC", billingModel: "standard")])
            ams.addOrganisation(externalID: "standard", amsID: "org-2", quota: [.init(allowed: 5, consumed: 0, billingModel: "standard")])

            // When each is asked about the enterprise billing model of the standard type
            let customer = try await quota.hasQuota(organisationID: "customer", owner: "alice", instanceType: Self.standard,
                                                    billingModel: "enterprise")
            let standard = try await quota.hasQuota(organisationID: "standard", owner: "bob", instanceType: Self.standard,
                                                    billingModel: "enterprise")

            // Then only the first has it
            #expect(customer)
            #expect(standard == false)
        }
    }

    @Test("an unavailable AMS is retryable and a refused token permanent")
    func failures() async throws {
        try await Self.withAMS { ams, quota in
            // Given an AMS answering 503 once
            ams.fail(with: .serviceUnavailable)

            // When quota is checked, Then the error is retryable
            let unavailable = await #expect(throws: ProviderError.self) {
                _ = try await quota.hasQuota(organisationID: "x", owner: "alice", instanceType: Self.standard)
            }
            #expect(unavailable?.code == .unavailable)
        }
        try await Self.withAMS(token: "wrong") { _, quota in
            // Given a service with a token AMS refuses, When it releases, Then the error is permanent
            var kafka = Self.kafka()
            kafka.subscriptionID = "sub-1"
            let refused = await #expect(throws: ProviderError.self) { try await quota.release(for: kafka) }
            #expect(refused?.code == .rejected)
        }
    }
}
