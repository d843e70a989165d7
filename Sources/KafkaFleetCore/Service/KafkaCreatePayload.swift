/// What a user asks for when creating a kafka (the reference's `KafkaRequestPayload`); every field as sent,
/// `nil` when absent or `null`.
public struct KafkaCreatePayload: Sendable, Hashable {
    /// The requested name; required, checked by the service.
    public var name: String?
    /// The cloud provider; the default provider when absent.
    public var cloudProvider: String?
    /// The region; the provider's default region when absent.
    public var region: String?
    /// `<instance_type>.<size_id>`; the assigned type's first size when absent.
    public var plan: String?
    /// Whether clients must re-authenticate; `true` when absent.
    public var reauthenticationEnabled: Bool?
    /// The cloud account to bill, for marketplace billing.
    public var billingCloudAccountID: String?
    /// The marketplace, for marketplace billing.
    public var marketplace: String?
    /// The billing model asked for.
    public var billingModel: String?
    /// The enterprise cluster to place the kafka on.
    public var clusterID: String?

    /// A payload; every part optional.
    public init(
        name: String? = nil, cloudProvider: String? = nil, region: String? = nil, plan: String? = nil,
        reauthenticationEnabled: Bool? = nil, billingCloudAccountID: String? = nil, marketplace: String? = nil,
        billingModel: String? = nil, clusterID: String? = nil
    ) {
        self.name = name
        self.cloudProvider = cloudProvider
        self.region = region
        self.plan = plan
        self.reauthenticationEnabled = reauthenticationEnabled
        self.billingCloudAccountID = billingCloudAccountID
        self.marketplace = marketplace
        self.billingModel = billingModel
        self.clusterID = clusterID
    }
}
