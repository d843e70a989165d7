/// A billing model an instance type offers (the reference's `supported_billing_models` entry).
public struct BillingModelConfig: Sendable, Codable, Hashable {
    /// The model id: `standard`, `marketplace`, `eval` or `enterprise`.
    public var id: String
    /// The AMS resource name, e.g. `rhosak`.
    public var amsResource: String
    /// The AMS product, e.g. `RHOSAK`.
    public var amsProduct: String
    /// The AMS billing models it maps to.
    public var amsBillingModels: [String]
    /// Days an instance keeps running after its entitlement ends.
    public var gracePeriodDays: Int?

    enum CodingKeys: String, CodingKey {
        case id, amsResource = "ams_resource", amsProduct = "ams_product"
        case amsBillingModels = "ams_billing_models", gracePeriodDays = "grace_period_days"
    }

    /// A billing model from its parts.
    public init(id: String, amsResource: String, amsProduct: String, amsBillingModels: [String], gracePeriodDays: Int? = nil) {
        self.id = id
        self.amsResource = amsResource
        self.amsProduct = amsProduct
        self.amsBillingModels = amsBillingModels
        self.gracePeriodDays = gracePeriodDays
    }
}

/// One size of an instance type (the reference's `sizes` entry, with its camel-case YAML keys).
public struct InstanceSize: Sendable, Codable, Hashable {
    /// The size id, e.g. `x1`.
    public var id: String
    /// The display name, e.g. `1`.
    public var displayName: String
    /// Ingress throughput limit (Kubernetes quantity).
    public var ingressThroughputPerSec: String
    /// Egress throughput limit (Kubernetes quantity).
    public var egressThroughputPerSec: String
    /// The most client connections.
    public var totalMaxConnections: Int
    /// The most connection attempts per second.
    public var maxConnectionAttemptsPerSec: Int
    /// The most data kept (Kubernetes quantity).
    public var maxDataRetentionSize: String
    /// The longest retention (ISO-8601 duration).
    public var maxDataRetentionPeriod: String
    /// The most partitions over all topics.
    public var maxPartitions: Int
    /// The largest message (Kubernetes quantity).
    public var maxMessageSize: String
    /// The minimum in-sync replicas.
    public var minInSyncReplicas: Int
    /// The replication factor.
    public var replicationFactor: Int
    /// Quota units an instance of this size consumes.
    public var quotaConsumed: Int
    /// Deprecated in the reference; kept so its files decode.
    public var quotaType: String?
    /// Streaming units an instance of this size takes on its cluster.
    public var capacityConsumed: Int
    /// `single` and/or `multi`.
    public var supportedAZModes: [String]
    /// How long an instance of this size lives; `nil` means forever.
    public var lifespanSeconds: Int?
    /// `stable` or `preview`.
    public var maturityStatus: String

    enum CodingKeys: String, CodingKey {
        case id, displayName = "display_name", ingressThroughputPerSec, egressThroughputPerSec, totalMaxConnections
        case maxConnectionAttemptsPerSec, maxDataRetentionSize, maxDataRetentionPeriod, maxPartitions, maxMessageSize
        case minInSyncReplicas, replicationFactor, quotaConsumed, quotaType, capacityConsumed, supportedAZModes
        case lifespanSeconds, maturityStatus
    }
}

/// An instance type and its sizes and billing models (the reference's `supported_instance_types` entry).
public struct InstanceTypeConfig: Sendable, Codable, Hashable {
    /// `standard` or `developer`.
    public var id: String
    /// The display name, e.g. `Trial`.
    public var displayName: String
    /// The billing models it offers.
    public var supportedBillingModels: [BillingModelConfig]
    /// Its sizes, smallest first.
    public var sizes: [InstanceSize]

    enum CodingKeys: String, CodingKey {
        case id, displayName = "display_name", supportedBillingModels = "supported_billing_models", sizes
    }

    /// The size with this id.
    public func size(_ id: String) -> InstanceSize? { sizes.first { $0.id == id } }
}

/// Every instance type the service offers: the file `kafka-instance-types-configuration.yaml` of the reference.
public struct InstanceTypeCatalog: Sendable, Codable, Hashable {
    /// The instance types, in configuration order.
    public var supportedInstanceTypes: [InstanceTypeConfig]

    enum CodingKeys: String, CodingKey { case supportedInstanceTypes = "supported_instance_types" }

    /// A catalogue from its types.
    public init(supportedInstanceTypes: [InstanceTypeConfig]) {
        self.supportedInstanceTypes = supportedInstanceTypes
    }

    /// The instance type with this id.
    public func instanceType(_ id: String) -> InstanceTypeConfig? {
        supportedInstanceTypes.first { $0.id == id }
    }

    /// The size of a kafka's type, if both are configured.
    public func size(instanceType typeID: String, sizeID: String) -> InstanceSize? {
        self.instanceType(typeID)?.size(sizeID)
    }
}
