/// What a quota service granted for a new kafka.
public struct QuotaGrant: Sendable, Hashable {
    /// The billing model the instance is billed under.
    public var billingModel: String
    /// The subscription the quota service created, if it keeps one (AMS).
    public var subscriptionID: String
    /// Limits the store must check atomically with the insert (quota-list allowances).
    public var limits: [AdmissionLimit]

    /// A grant from its parts.
    public init(billingModel: String, subscriptionID: String = "", limits: [AdmissionLimit] = []) {
        self.billingModel = billingModel
        self.subscriptionID = subscriptionID
        self.limits = limits
    }
}

/// Decides whether an owner may have an instance, and reserves and releases the quota it uses.
///
/// `reserve` throws a `FleetError` for a refusal the caller sees (`insufficientQuota`,
/// `maxAllowedInstanceReached`, `billingAccountInvalid`) and a `ProviderError` when the service cannot be reached.
public protocol QuotaService: Sendable {
    /// The name stored in `quota_type` of the kafkas it grants, e.g. `quota-management-list`.
    var quotaType: String { get }
    /// Whether every owner may have every instance type, so a create's `plan` chooses the instance type instead of
    /// the owner's quota (false by default, as for the reference's quota services).
    var grantsEveryInstanceType: Bool { get }
    /// Whether the owner has quota for any billing model of a (non-developer) instance type; decides the
    /// instance type a user is assigned.
    func hasQuota(organisationID: String, owner: String, instanceType: InstanceTypeConfig) async throws -> Bool
    /// Whether the owner has quota for one billing model of an instance type; decides who may use the enterprise
    /// cluster API (standard instances under the `enterprise` model).
    func hasQuota(organisationID: String, owner: String, instanceType: InstanceTypeConfig, billingModel: String) async throws -> Bool
    /// Reserves the quota of a new kafka (its instance type, size and desired billing model are set).
    func reserve(for kafka: KafkaRequest, instanceType: InstanceTypeConfig) async throws -> QuotaGrant
    /// Releases the quota of a deleted kafka; releasing twice is not an error.
    func release(for kafka: KafkaRequest) async throws
    /// Whether the owner's entitlement for a running kafka's billing model is still active.
    func isEntitlementActive(for kafka: KafkaRequest) async throws -> Bool
    /// Refuses, before a promotion is accepted, a target this service could never reserve (the reference's
    /// quota-type-specific promote validator). Called after the common checks: the target billing model is
    /// `standard` or `marketplace` and offered by the kafka's instance type. The promoting worker then reserves
    /// with `reserve(for:instanceType:)` on the kafka carrying the desired model, and releases the old quota with
    /// `release(for:)` on the kafka carrying the old subscription.
    func validatePromotion(to payload: KafkaPromotePayload, of kafka: KafkaRequest, instanceType: InstanceTypeConfig) throws(FleetError)
}

extension QuotaService {
    /// The reference's quota services assign the instance type from the owner's quota.
    public var grantsEveryInstanceType: Bool { false }
}
