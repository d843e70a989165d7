import KafkaFleetCore

/// A quota service that grants everything, for reconciler tests.
struct GrantingQuota: QuotaService {
    let quotaType = "allow-all"

    func hasQuota(organisationID: String, owner: String, instanceType: InstanceTypeConfig) async throws -> Bool { true }

    func hasQuota(organisationID: String, owner: String, instanceType: InstanceTypeConfig, billingModel: String) async throws -> Bool {
        true
    }

    func reserve(for kafka: KafkaRequest, instanceType: InstanceTypeConfig) async throws -> QuotaGrant {
        QuotaGrant(billingModel: kafka.desiredBillingModel.isEmpty ? "standard" : kafka.desiredBillingModel)
    }

    func release(for kafka: KafkaRequest) async throws {}

    func isEntitlementActive(for kafka: KafkaRequest) async throws -> Bool { true }

    func validatePromotion(to payload: KafkaPromotePayload, of kafka: KafkaRequest, instanceType: InstanceTypeConfig) throws(FleetError) {}
}
