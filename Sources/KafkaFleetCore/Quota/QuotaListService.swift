/// The quota service of the reference's quota management list, with instance limits always enforced
/// (KafkaFleet enforces a list it is given; the reference only with `--enable-instance-limit-control`).
///
/// The quota holder of a request is the organisation when it is listed and covers the user, else the
/// user's own account entry, else nobody. Limits are returned as `AdmissionLimit`s, so the store checks
/// them in the same step as the insert and concurrent creates cannot exceed them.
public struct QuotaListService: QuotaService {
    /// The list.
    public var list: QuotaList
    /// Streaming units allowed when neither the billing model nor the entry sets a limit (`--max-allowed-instances`).
    public var defaultMaxAllowedInstances: Int
    /// The clock that decides whether a grant has expired.
    public var clock: any WallClock

    /// A service over `list`.
    public init(list: QuotaList, defaultMaxAllowedInstances: Int = 1, clock: any WallClock = SystemWallClock()) {
        self.list = list
        self.defaultMaxAllowedInstances = defaultMaxAllowedInstances
        self.clock = clock
    }

    public var quotaType: String { "quota-management-list" }

    /// Who holds the quota of a request.
    private enum Holder {
        case organisation(QuotaListEntry, id: String)
        case account(QuotaListEntry, username: String)

        var entry: QuotaListEntry {
            switch self {
            case let .organisation(entry, _), let .account(entry, _): entry
            }
        }
    }

    private func holder(organisationID: String, owner: String) -> Holder? {
        if let organisation = list.organisation(organisationID), organisation.covers(username: owner) {
            return .organisation(organisation, id: organisationID)
        }
        if let account = list.account(owner) { return .account(account, username: owner) }
        return nil
    }

    public func hasQuota(organisationID: String, owner: String, instanceType: InstanceTypeConfig) async throws -> Bool {
        guard let holder = holder(organisationID: organisationID, owner: owner) else {
            return instanceType.id == InstanceTypeID.developer
        }
        let offered = Set(instanceType.supportedBillingModels.map(\.id))
        return holder.entry.grantedModels(instanceType: instanceType.id).contains { offered.contains($0.id) }
    }

    /// Whether the holder's entry grants this billing model of the instance type and the grant has not expired.
    public func hasQuota(organisationID: String, owner: String, instanceType: InstanceTypeConfig,
                         billingModel: String) async throws -> Bool {
        guard let holder = holder(organisationID: organisationID, owner: owner),
              let granted = holder.entry.grantedModel(instanceType: instanceType.id, billingModel: billingModel)
        else { return false }
        return !granted.isExpired(at: clock.now())
    }

    public func reserve(for kafka: KafkaRequest, instanceType: InstanceTypeConfig) async throws -> QuotaGrant {
        let holder = holder(organisationID: kafka.organisationID, owner: kafka.owner)
        let billingModel = try detectBillingModel(for: kafka, instanceType: instanceType, holder: holder)
        let isDeveloper = instanceType.id == InstanceTypeID.developer
        switch (holder, isDeveloper) {
        case let (holder?, false):
            let granted = holder.entry.grantedModel(instanceType: instanceType.id, billingModel: billingModel)
            let maximum: Int
            if let granted, !granted.isExpired(at: clock.now()) {
                maximum = [granted.maxAllowedInstances, holder.entry.maxAllowedInstances].compactMap { $0 }.first { $0 > 0 }
                    ?? defaultMaxAllowedInstances
            } else {
                maximum = 0
            }
            let limit: AdmissionLimit
            switch holder {
            case let .organisation(_, id):
                limit = streamingUnitLimit(
                    "organization '\(id)'", maximum: maximum,
                    filter: KafkaFilter(instanceType: instanceType.id, organisationID: id, billingModel: billingModel))
            case let .account(_, username):
                limit = streamingUnitLimit(
                    "user '\(username)'", maximum: maximum,
                    filter: KafkaFilter(instanceType: instanceType.id, owner: username, billingModel: billingModel))
            }
            return QuotaGrant(billingModel: billingModel, limits: [limit])
        case (nil, true):
            let limit = streamingUnitLimit(
                "user '\(kafka.owner)'", maximum: defaultMaxAllowedInstances,
                filter: KafkaFilter(instanceType: instanceType.id, owner: kafka.owner, billingModel: billingModel))
            return QuotaGrant(billingModel: billingModel, limits: [limit])
        default:
            throw FleetError(.insufficientQuota, "Insufficient quota: Insufficient quota")
        }
    }

    public func release(for kafka: KafkaRequest) async throws {}

    public func isEntitlementActive(for kafka: KafkaRequest) async throws -> Bool {
        guard let holder = holder(organisationID: kafka.organisationID, owner: kafka.owner) else {
            return kafka.instanceType == InstanceTypeID.developer
        }
        guard let granted = holder.entry.grantedModel(instanceType: kafka.instanceType, billingModel: kafka.actualBillingModel) else {
            return false
        }
        return !granted.isExpired(at: clock.now())
    }

    /// Accepts every offered billing model, as the reference's quota-list validator does; a holder without quota for
    /// it, or `marketplace` (which the list cannot bill), is refused when the promoting worker reserves.
    public func validatePromotion(to payload: KafkaPromotePayload, of kafka: KafkaRequest,
                                  instanceType: InstanceTypeConfig) throws(FleetError) {}

    private func detectBillingModel(for kafka: KafkaRequest, instanceType: InstanceTypeConfig, holder: Holder?) throws(FleetError) -> String {
        let asked = kafka.desiredBillingModel
        if !asked.isEmpty {
            guard instanceType.supportedBillingModels.contains(where: { $0.id == asked }) else {
                throw FleetError(.insufficientQuota, "Insufficient quota: invalid billing model '\(asked)'")
            }
            if asked == BillingModelID.marketplace { throw Self.marketplaceUnsupported }
            return asked
        }
        if instanceType.id == InstanceTypeID.developer { return BillingModelID.standard }
        guard let granted = holder?.entry.grantedModels(instanceType: instanceType.id), let first = granted.first else {
            throw FleetError(.insufficientQuota, "Insufficient quota: unable to detect any valid billing model for organisation "
                             + "'\(kafka.organisationID)' and user '\(kafka.owner)'")
        }
        let chosen = granted.contains { $0.id == BillingModelID.standard } ? BillingModelID.standard : first.id
        if chosen == BillingModelID.marketplace { throw Self.marketplaceUnsupported }
        return chosen
    }

    private static let marketplaceUnsupported =
        FleetError(.insufficientQuota, "Insufficient quota: marketplace is not supported when using QUOTA-LIST")

    private func streamingUnitLimit(_ holder: String, maximum: Int, filter: KafkaFilter) -> AdmissionLimit {
        AdmissionLimit(
            refusal: FleetError(.maxAllowedInstanceReached,
                                "\(holder) has reached a maximum number of \(maximum) allowed streaming units"),
            filter: filter, measure: .capacityUnits, maximum: maximum)
    }
}
