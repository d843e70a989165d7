/// What a caller of `POST /kafkas/{id}/promote` asks for (`KafkaPromoteRequest`); a field the caller left out
/// is empty, as the reference reads it.
public struct KafkaPromotePayload: Sendable, Hashable {
    /// The billing model to move to: `standard` or `marketplace`.
    public var desiredBillingModel: String
    /// The marketplace (`aws`, `rhm`) when moving to `marketplace`.
    public var desiredMarketplace: String
    /// The cloud account billed by the marketplace when moving to `marketplace`.
    public var desiredBillingCloudAccountID: String

    /// A payload from its parts.
    public init(desiredBillingModel: String, desiredMarketplace: String = "", desiredBillingCloudAccountID: String = "") {
        self.desiredBillingModel = desiredBillingModel
        self.desiredMarketplace = desiredMarketplace
        self.desiredBillingCloudAccountID = desiredBillingCloudAccountID
    }
}
