import KafkaFleetCore

/// The body of `POST /kafkas` (`KafkaRequestPayload`): every field optional and `null`-tolerant, unknown
/// fields ignored, a wrong JSON type refused by decoding.
struct KafkaRequestPayloadJSON: Decodable {
    var name: String?
    var cloudProvider: String?
    var region: String?
    var plan: String?
    var reauthenticationEnabled: Bool?
    var billingCloudAccountID: String?
    var marketplace: String?
    var billingModel: String?
    var clusterID: String?

    enum CodingKeys: String, CodingKey {
        case name, region, plan, marketplace
        case cloudProvider = "cloud_provider", reauthenticationEnabled = "reauthentication_enabled"
        case billingCloudAccountID = "billing_cloud_account_id", billingModel = "billing_model", clusterID = "cluster_id"
    }

    /// The service's view of the payload.
    var payload: KafkaCreatePayload {
        KafkaCreatePayload(name: name, cloudProvider: cloudProvider, region: region, plan: plan,
                           reauthenticationEnabled: reauthenticationEnabled, billingCloudAccountID: billingCloudAccountID,
                           marketplace: marketplace, billingModel: billingModel, clusterID: clusterID)
    }
}

/// The body of `PATCH /kafkas/{id}` (`KafkaUpdateRequest`).
struct KafkaUpdateRequestJSON: Decodable {
    var owner: String?
    var reauthenticationEnabled: Bool?

    enum CodingKeys: String, CodingKey { case owner, reauthenticationEnabled = "reauthentication_enabled" }

    /// The service's view of the change.
    var change: KafkaUpdatePayload { KafkaUpdatePayload(owner: owner, reauthenticationEnabled: reauthenticationEnabled) }
}

/// The body of `POST /kafkas/{id}/promote` (`KafkaPromoteRequest`): absent and `null` fields read as empty.
struct KafkaPromoteRequestJSON: Decodable {
    var desiredBillingModel: String?
    var desiredMarketplace: String?
    var desiredBillingCloudAccountID: String?

    enum CodingKeys: String, CodingKey {
        case desiredBillingModel = "desired_kafka_billing_model", desiredMarketplace = "desired_marketplace"
        case desiredBillingCloudAccountID = "desired_billing_cloud_account_id"
    }

    /// The service's view of the request.
    var payload: KafkaPromotePayload {
        KafkaPromotePayload(desiredBillingModel: desiredBillingModel ?? "", desiredMarketplace: desiredMarketplace ?? "",
                            desiredBillingCloudAccountID: desiredBillingCloudAccountID ?? "")
    }
}
