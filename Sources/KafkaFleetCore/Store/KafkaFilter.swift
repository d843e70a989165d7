/// A set of non-deleted kafkas to count, for admission limits (capacity, quota, developer limit).
/// Every field left `nil` matches anything.
public struct KafkaFilter: Sendable, Hashable {
    /// Kafkas placed on this cluster.
    public var clusterID: String?
    /// Kafkas in this cloud provider.
    public var cloudProvider: String?
    /// Kafkas in this region.
    public var region: String?
    /// Kafkas of this instance type.
    public var instanceType: String?
    /// Kafkas of this organisation.
    public var organisationID: String?
    /// Kafkas of this owner.
    public var owner: String?
    /// Kafkas whose actual or desired billing model is this one.
    public var billingModel: String?
    /// Leave out kafkas whose desired billing model is `enterprise` (they live on customer clusters).
    public var excludingEnterprise: Bool
    /// Leave out kafkas in these statuses.
    public var excludingStatuses: Set<KafkaStatus>

    /// A filter; every part optional.
    public init(
        clusterID: String? = nil, cloudProvider: String? = nil, region: String? = nil, instanceType: String? = nil,
        organisationID: String? = nil, owner: String? = nil, billingModel: String? = nil,
        excludingEnterprise: Bool = false, excludingStatuses: Set<KafkaStatus> = []
    ) {
        self.clusterID = clusterID
        self.cloudProvider = cloudProvider
        self.region = region
        self.instanceType = instanceType
        self.organisationID = organisationID
        self.owner = owner
        self.billingModel = billingModel
        self.excludingEnterprise = excludingEnterprise
        self.excludingStatuses = excludingStatuses
    }

    /// Whether `kafka` is in the set.
    public func matches(_ kafka: KafkaRequest) -> Bool {
        if let clusterID, kafka.clusterID != clusterID { return false }
        if let cloudProvider, kafka.cloudProvider != cloudProvider { return false }
        if let region, kafka.region != region { return false }
        if let instanceType, kafka.instanceType != instanceType { return false }
        if let organisationID, kafka.organisationID != organisationID { return false }
        if let owner, kafka.owner != owner { return false }
        if let billingModel, kafka.actualBillingModel != billingModel, kafka.desiredBillingModel != billingModel { return false }
        if excludingEnterprise, kafka.desiredBillingModel == "enterprise" { return false }
        if excludingStatuses.contains(kafka.status) { return false }
        return kafka.deletedAt == nil
    }
}

/// What an admission limit counts.
public enum AdmissionMeasure: String, Sendable, Hashable {
    /// Each kafka counts one.
    case instances
    /// Each kafka counts its streaming units (`capacityUnits`).
    case capacityUnits
    /// Each kafka counts its quota units (`quotaUnits`).
    case quotaUnits

    /// How much `kafka` counts.
    public func weight(of kafka: KafkaRequest) -> Int {
        switch self {
        case .instances: 1
        case .capacityUnits: kafka.capacityUnits
        case .quotaUnits: kafka.quotaUnits
        }
    }
}

/// A limit a write must respect: the kafkas matching `filter`, the written one included, may weigh at most
/// `maximum`. The store checks every limit and the write in one serialised step, so concurrent writers can
/// never over-commit a cluster, a region or a quota.
public struct AdmissionLimit: Sendable, Hashable {
    /// The error to report when this limit refuses a write.
    public var refusal: FleetError
    /// The kafkas to count.
    public var filter: KafkaFilter
    /// What each counts.
    public var measure: AdmissionMeasure
    /// The most they may weigh together.
    public var maximum: Int

    /// A limit from its parts.
    public init(refusal: FleetError, filter: KafkaFilter, measure: AdmissionMeasure, maximum: Int) {
        self.refusal = refusal
        self.filter = filter
        self.measure = measure
        self.maximum = maximum
    }

    /// Whether `kafka` would break the limit, given the kafkas already stored (which may include an older copy of it).
    public func isBroken(adding kafka: KafkaRequest, to existing: some Sequence<KafkaRequest>) -> Bool {
        guard filter.matches(kafka) else { return false }
        let used = existing.lazy.filter { $0.id != kafka.id && filter.matches($0) }.reduce(0) { $0 + measure.weight(of: $1) }
        return used + measure.weight(of: kafka) > maximum
    }
}
