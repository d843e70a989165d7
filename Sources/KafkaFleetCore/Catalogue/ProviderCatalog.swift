/// The limits of one instance type in one region.
public struct RegionInstanceTypeLimit: Sendable, Codable, Hashable {
    /// The most streaming units of this type the region may hold; `nil` means no limit.
    public var limit: Int?
    /// Free streaming units dynamic scaling keeps available.
    public var minAvailableCapacitySlackStreamingUnits: Int?

    enum CodingKeys: String, CodingKey {
        case limit, minAvailableCapacitySlackStreamingUnits = "min_available_capacity_slack_streaming_units"
    }

    /// A limit from its parts.
    public init(limit: Int? = nil, minAvailableCapacitySlackStreamingUnits: Int? = nil) {
        self.limit = limit
        self.minAvailableCapacitySlackStreamingUnits = minAvailableCapacitySlackStreamingUnits
    }
}

/// A region of a cloud provider and the instance types it supports.
public struct RegionConfig: Sendable, Codable, Hashable {
    /// The region name, e.g. `us-east-1`.
    public var name: String
    /// Whether it is the provider's default region.
    public var isDefault: Bool
    /// The instance types it supports, with their limits.
    public var supportedInstanceType: [String: RegionInstanceTypeLimit]

    enum CodingKeys: String, CodingKey {
        case name, isDefault = "default", supportedInstanceType = "supported_instance_type"
    }

    /// A region from its parts.
    public init(name: String, isDefault: Bool, supportedInstanceType: [String: RegionInstanceTypeLimit]) {
        self.name = name
        self.isDefault = isDefault
        self.supportedInstanceType = supportedInstanceType
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decode(String.self, forKey: .name)
        isDefault = try container.decodeIfPresent(Bool.self, forKey: .isDefault) ?? false
        supportedInstanceType = try container.decodeIfPresent([String: RegionInstanceTypeLimit].self, forKey: .supportedInstanceType) ?? [:]
    }
}

/// A cloud provider the service offers.
public struct CloudProviderConfig: Sendable, Codable, Hashable {
    /// The provider id, e.g. `aws`.
    public var name: String
    /// Whether it is the default provider.
    public var isDefault: Bool
    /// Its regions.
    public var regions: [RegionConfig]

    enum CodingKeys: String, CodingKey { case name, isDefault = "default", regions }

    /// A provider from its parts.
    public init(name: String, isDefault: Bool, regions: [RegionConfig]) {
        self.name = name
        self.isDefault = isDefault
        self.regions = regions
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decode(String.self, forKey: .name)
        isDefault = try container.decodeIfPresent(Bool.self, forKey: .isDefault) ?? false
        regions = try container.decodeIfPresent([RegionConfig].self, forKey: .regions) ?? []
    }

    /// The region with this name.
    public func region(_ name: String) -> RegionConfig? { regions.first { $0.name == name } }

    /// The default region, or the first one.
    public var defaultRegion: RegionConfig? { regions.first(where: \.isDefault) ?? regions.first }

    /// A human-readable name of the provider.
    public var displayName: String {
        switch name {
        case "aws": "Amazon Web Services"
        case "gcp": "Google Cloud Platform"
        case "azure": "Microsoft Azure"
        default: name
        }
    }
}

/// Every provider and region the service offers: the file `provider-configuration.yaml` of the reference.
public struct ProviderCatalog: Sendable, Codable, Hashable {
    /// The providers, in configuration order.
    public var supportedProviders: [CloudProviderConfig]

    enum CodingKeys: String, CodingKey { case supportedProviders = "supported_providers" }

    /// A catalogue from its providers.
    public init(supportedProviders: [CloudProviderConfig]) {
        self.supportedProviders = supportedProviders
    }

    /// The provider with this id.
    public func provider(_ name: String) -> CloudProviderConfig? { supportedProviders.first { $0.name == name } }

    /// The default provider, or the first one.
    public var defaultProvider: CloudProviderConfig? { supportedProviders.first(where: \.isDefault) ?? supportedProviders.first }
}
