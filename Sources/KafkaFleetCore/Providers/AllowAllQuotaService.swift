/// A quota service that grants everything: the embedded default when no quota list is configured.
///
/// Every owner may have every instance type: the create's `plan` picks it (`developer.x1` a trial instance), and
/// without a plan callers are assigned the `standard` instance type; the billing model is the one asked for, else
/// `standard`.
public struct AllowAllQuotaService: QuotaService {
    /// A service that allows all.
    public init() {}

    public var quotaType: String { "allow-all" }

    public var grantsEveryInstanceType: Bool { true }

    public func hasQuota(organisationID: String, owner: String, instanceType: InstanceTypeConfig) async throws -> Bool { true }

    public func hasQuota(organisationID: String, owner: String, instanceType: InstanceTypeConfig,
                         billingModel: String) async throws -> Bool { true }

    public func reserve(for kafka: KafkaRequest, instanceType: InstanceTypeConfig) async throws -> QuotaGrant {
        QuotaGrant(billingModel: kafka.desiredBillingModel.isEmpty ? "standard" : kafka.desiredBillingModel)
    }

    public func release(for kafka: KafkaRequest) async throws {}

    public func isEntitlementActive(for kafka: KafkaRequest) async throws -> Bool { true }

    /// Any offered billing model can be reserved.
    public func validatePromotion(to payload: KafkaPromotePayload, of kafka: KafkaRequest,
                                  instanceType: InstanceTypeConfig) throws(FleetError) {}
}
