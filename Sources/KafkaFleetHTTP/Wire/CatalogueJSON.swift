import KafkaFleetCore

/// A cloud provider (`CloudProvider`).
struct CloudProviderJSON: Codable, Sendable, Hashable {
    var kind = "CloudProvider"
    var id: String
    var displayName: String
    var name: String?
    var enabled: Bool

    enum CodingKeys: String, CodingKey { case kind, id, displayName = "display_name", name, enabled }
}

/// A cloud region with the sizes it can still take (`CloudRegion`).
struct CloudRegionJSON: Codable, Sendable, Hashable {
    var kind = "CloudRegion"
    var id: String
    var displayName: String?
    var enabled: Bool
    var capacity: [RegionCapacityJSON]

    enum CodingKeys: String, CodingKey { case kind, id, displayName = "display_name", enabled, capacity }
}

/// The sizes of one instance type a region can still take.
struct RegionCapacityJSON: Codable, Sendable, Hashable {
    var instanceType: String
    var availableSizes: [String]

    enum CodingKeys: String, CodingKey { case instanceType = "instance_type", availableSizes = "available_sizes" }
}

/// The instance types of a region (`SupportedKafkaInstanceTypesList`); `{}` when there are none.
struct InstanceTypeListJSON: Codable, Sendable, Hashable {
    var instanceTypes: [InstanceTypeJSON]?

    enum CodingKeys: String, CodingKey { case instanceTypes = "instance_types" }
}

/// An instance type (`SupportedKafkaInstanceType`).
struct InstanceTypeJSON: Codable, Sendable, Hashable {
    var id: String
    var displayName: String
    var supportedBillingModels: [BillingModelJSON]
    var sizes: [InstanceSizeJSON]

    enum CodingKeys: String, CodingKey {
        case id, displayName = "display_name", supportedBillingModels = "supported_billing_models", sizes
    }

    init(_ type: InstanceTypeConfig) {
        id = type.id
        displayName = type.displayName
        supportedBillingModels = type.supportedBillingModels.map {
            BillingModelJSON(id: $0.id, amsResource: $0.amsResource, amsProduct: $0.amsProduct, amsBillingModels: $0.amsBillingModels)
        }
        sizes = type.sizes.map(InstanceSizeJSON.init)
    }
}

/// A billing model of an instance type (`SupportedKafkaBillingModel`).
struct BillingModelJSON: Codable, Sendable, Hashable {
    var id: String
    var amsResource: String
    var amsProduct: String
    var amsBillingModels: [String]

    enum CodingKeys: String, CodingKey {
        case id, amsResource = "ams_resource", amsProduct = "ams_product", amsBillingModels = "ams_billing_models"
    }
}

/// A size of an instance type (`SupportedKafkaSize`).
struct InstanceSizeJSON: Codable, Sendable, Hashable {
    var id: String
    var displayName: String
    var ingressThroughputPerSec: ByteCountJSON
    var egressThroughputPerSec: ByteCountJSON
    var totalMaxConnections: Int?
    var maxDataRetentionSize: ByteCountJSON
    var maxPartitions: Int?
    var maxDataRetentionPeriod: String
    var maxConnectionAttemptsPerSec: Int?
    var maxMessageSize: ByteCountJSON
    var minInSyncReplicas: Int?
    var replicationFactor: Int?
    var supportedAZModes: [String]
    var quotaConsumed: Int?
    var quotaType: String?
    var capacityConsumed: Int?
    var maturityStatus: String
    var lifespanSeconds: Int?

    enum CodingKeys: String, CodingKey {
        case id, displayName = "display_name", ingressThroughputPerSec = "ingress_throughput_per_sec"
        case egressThroughputPerSec = "egress_throughput_per_sec", totalMaxConnections = "total_max_connections"
        case maxDataRetentionSize = "max_data_retention_size", maxPartitions = "max_partitions"
        case maxDataRetentionPeriod = "max_data_retention_period"
        case maxConnectionAttemptsPerSec = "max_connection_attempts_per_sec", maxMessageSize = "max_message_size"
        case minInSyncReplicas = "min_in_sync_replicas", replicationFactor = "replication_factor"
        case supportedAZModes = "supported_az_modes", quotaConsumed = "quota_consumed", quotaType = "quota_type"
        case capacityConsumed = "capacity_consumed", maturityStatus = "maturity_status", lifespanSeconds = "lifespan_seconds"
    }

    init(_ size: InstanceSize) {
        func bytes(_ quantity: String) -> ByteCountJSON { ByteCountJSON(Quantity.bytes(quantity) ?? 0) }
        func nonZero(_ number: Int) -> Int? { number == 0 ? nil : number }
        id = size.id
        displayName = size.displayName
        ingressThroughputPerSec = bytes(size.ingressThroughputPerSec)
        egressThroughputPerSec = bytes(size.egressThroughputPerSec)
        totalMaxConnections = nonZero(size.totalMaxConnections)
        maxDataRetentionSize = bytes(size.maxDataRetentionSize)
        maxPartitions = nonZero(size.maxPartitions)
        maxDataRetentionPeriod = size.maxDataRetentionPeriod
        maxConnectionAttemptsPerSec = nonZero(size.maxConnectionAttemptsPerSec)
        maxMessageSize = bytes(size.maxMessageSize)
        minInSyncReplicas = nonZero(size.minInSyncReplicas)
        replicationFactor = nonZero(size.replicationFactor)
        supportedAZModes = size.supportedAZModes
        quotaConsumed = nonZero(size.quotaConsumed)
        quotaType = size.quotaType
        capacityConsumed = nonZero(size.capacityConsumed)
        maturityStatus = size.maturityStatus
        lifespanSeconds = size.lifespanSeconds
    }
}

/// The API's version (`VersionMetadata`).
struct VersionMetadataJSON: Codable, Sendable, Hashable {
    var id = "v1"
    var kind = "APIVersion"
    var href: String
    var serverVersion: String
    var collections: [ObjectReferenceJSON]

    enum CodingKeys: String, CodingKey { case id, kind, href, serverVersion = "server_version", collections }
}

/// The API root (`GET /api/kafkas_mgmt`), which lists its one version.
struct APIRootJSON: Codable, Sendable, Hashable {
    var id = "kafkas_mgmt"
    var kind = "API"
    var href: String
    var versions: [APIVersionJSON]
}

/// A version entry of the API root; `collections` is always `null` there.
struct APIVersionJSON: Codable, Sendable, Hashable {
    var id = "v1"
    var kind = "APIVersion"
    var href: String
    var serverVersion: String
    var collections: [ObjectReferenceJSON]?

    enum CodingKeys: String, CodingKey { case id, kind, href, serverVersion = "server_version", collections }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(kind, forKey: .kind)
        try container.encode(href, forKey: .href)
        try container.encode(serverVersion, forKey: .serverVersion)
        try container.encode(collections, forKey: .collections)
    }
}

/// `{id, kind, href}`.
struct ObjectReferenceJSON: Codable, Sendable, Hashable {
    var id: String
    var kind: String
    var href: String
}

/// The identity providers tokens come from (`SsoProvider`); its own `id`, `kind` and `href` are empty.
struct SSOProviderJSON: Codable, Sendable, Hashable {
    var id = ""
    var kind = ""
    var href = ""
    var name: String?
    var baseURL: String?
    var tokenURL: String?
    var jwks: String?
    var validIssuer: String?

    enum CodingKeys: String, CodingKey {
        case id, kind, href, name, baseURL = "base_url", tokenURL = "token_url", jwks, validIssuer = "valid_issuer"
    }
}
