public import AsyncHTTPClient
import Foundation
public import KafkaFleetCore
public import Logging
import NIOHTTP1

/// Where `AMSQuotaService` finds OCM's accounts-management API and how it authenticates.
public struct AMSConfiguration: Sendable {
    /// The API's base URL, e.g. `https://api.openshift.com`.
    public var baseURL: String
    /// The bearer token sent with every request. Exchanging an OCM offline token for access tokens is
    /// not done here: the token comes from configuration and whoever deploys rotates it.
    public var token: String
    /// The instance types, whose billing models name the AMS resource and product of a running kafka
    /// when its entitlement is checked.
    public var instanceTypes: InstanceTypeCatalog
    /// How long one request may take.
    public var requestTimeout: Duration

    /// A configuration with the default instance types and a 30 s request timeout by default.
    public init(
        baseURL: String = "https://api.openshift.com", token: String, instanceTypes: InstanceTypeCatalog = .default,
        requestTimeout: Duration = .seconds(30)
    ) {
        self.baseURL = baseURL
        self.token = token
        self.instanceTypes = instanceTypes
        self.requestTimeout = requestTimeout
    }
}

/// A `QuotaService` over AMS (OCM accounts management), as the reference's `ams` quota type.
///
/// - `reserve` resolves the billing model, then asks for a cluster authorization with `reserve: true`:
///   AMS answers with a subscription (stored on the kafka) or `allowed: false`, which is the refusal
///   `FleetError(.insufficientQuota)`.
/// - Billing model: an explicit desired model is used as is (`marketplace` with a marketplace becomes
///   AMS's `marketplace-<name>`); without one, `standard` and then `marketplace` are tried, choosing the
///   first whose quota cost leaves room for the kafka's quota units (`consumed + units ≤ allowed`).
/// - `release` deletes the subscription; a missing one is not an error.
/// - `hasQuota` and `isEntitlementActive` read the organisation's quota costs for the instance type's
///   AMS resource and product.
///
/// Failures to reach AMS are `ProviderError`s (5xx, 429 and transport errors retryable).
public final class AMSQuotaService: QuotaService {
    /// `ams`, as stored in `quota_type`.
    public let quotaType = "ams"

    /// Quota costs read per request.
    private static let pageSize = 100

    private let configuration: AMSConfiguration
    private let http: ProviderHTTP

    /// A service sending through `httpClient` (shared, not shut down by the service).
    public init(
        configuration: AMSConfiguration, httpClient: HTTPClient = .shared,
        logger: Logger = Logger(label: "kafkafleet.ams")
    ) {
        self.configuration = configuration
        self.http = ProviderHTTP(provider: "ams", client: httpClient, timeout: configuration.requestTimeout, logger: logger)
    }

    /// Whether the organisation has AMS quota (allowed > 0) for the type's standard or marketplace resource.
    public func hasQuota(organisationID: String, owner: String, instanceType: InstanceTypeConfig) async throws -> Bool {
        guard let orgID = try await amsOrganisationID(externalID: organisationID) else { return false }
        let costs = try await quotaCosts(orgID: orgID)
        let models = instanceType.supportedBillingModels.filter { ["standard", "marketplace"].contains($0.id) }
        return costs.contains { cost in
            cost.allowed > 0 && models.contains { model in
                cost.relatedResources.contains { $0.matches(model) && Self.isStandardOrMarketplace($0.billingModel) }
            }
        }
    }

    /// Whether the organisation has AMS quota (allowed > 0) for the billing model's resource and product under a
    /// standard or marketplace AMS billing model (for `enterprise`: resource `rhosak`, product `RHOSAKCC`).
    public func hasQuota(organisationID: String, owner: String, instanceType: InstanceTypeConfig,
                         billingModel: String) async throws -> Bool {
        guard let model = instanceType.supportedBillingModels.first(where: { $0.id == billingModel }),
              let orgID = try await amsOrganisationID(externalID: organisationID)
        else { return false }
        let costs = try await quotaCosts(orgID: orgID)
        return costs.contains { cost in
            cost.allowed > 0 && cost.relatedResources.contains { $0.matches(model) && Self.isStandardOrMarketplace($0.billingModel) }
        }
    }

    /// Reserves the kafka's quota units with a cluster authorization; returns the subscription to store.
    public func reserve(for kafka: KafkaRequest, instanceType: InstanceTypeConfig) async throws -> QuotaGrant {
        let (model, amsModel) = try await billingModel(for: kafka, instanceType: instanceType)
        let authorization = ClusterAuthorizationRequest(
            accountUsername: kafka.owner, cloudProviderID: kafka.cloudProvider, productID: model.amsProduct,
            clusterID: kafka.id, availabilityZone: kafka.multiAZ ? "multi" : "single",
            resources: [.init(
                resourceType: "cluster.\(kafka.cloudProvider)", resourceName: model.amsResource, billingModel: amsModel,
                count: kafka.quotaUnits, billingMarketplaceAccount: kafka.billingCloudAccountID)])
        let response = try await send(.POST, "/cluster_authorizations", body: try http.json(authorization))
        guard response.isSuccess else { throw http.failure(response, "cluster authorization for kafka \(kafka.id)") }
        let answer = try response.decode(ClusterAuthorizationResponse.self, provider: http.provider)
        guard answer.allowed else { throw FleetError(.insufficientQuota, "Insufficient quota: Insufficient Quota") }
        guard let subscription = answer.subscription?.id, !subscription.isEmpty else {
            throw ProviderError(.unavailable, provider: http.provider, "an allowed authorization without a subscription id")
        }
        return QuotaGrant(billingModel: model.id, subscriptionID: subscription)
    }

    /// Deletes the kafka's subscription; none, or one AMS no longer has, is not an error.
    public func release(for kafka: KafkaRequest) async throws {
        guard !kafka.subscriptionID.isEmpty else { return }
        let response = try await send(.DELETE, "/subscriptions/\(percentEncode(kafka.subscriptionID))")
        guard response.isSuccess || response.status == 404 else {
            throw http.failure(response, "delete subscription \(kafka.subscriptionID)")
        }
    }

    /// Whether the subscription exists and its organisation's quota for the billing model is not overdrawn.
    public func isEntitlementActive(for kafka: KafkaRequest) async throws -> Bool {
        guard !kafka.subscriptionID.isEmpty else { return false }
        let response = try await send(.GET, "/subscriptions/\(percentEncode(kafka.subscriptionID))")
        if response.status == 404 { return false }
        guard response.isSuccess else { throw http.failure(response, "read subscription \(kafka.subscriptionID)") }
        let subscription = try response.decode(Subscription.self, provider: http.provider)
        let modelID = kafka.actualBillingModel.isEmpty ? "standard" : kafka.actualBillingModel
        guard let model = configuration.instanceTypes.instanceType(kafka.instanceType)?
            .supportedBillingModels.first(where: { $0.id == modelID })
        else { return false }
        let costs = try await quotaCosts(orgID: subscription.organizationID)
        let matching = costs.filter { cost in
            cost.relatedResources.contains { $0.matches(model) && model.amsBillingModels.contains($0.billingModel) }
        }
        return matching.contains { !($0.allowed == 0 && $0.consumed > $0.allowed) }
    }

    /// A move to `marketplace` needs the marketplace and the billed cloud account (400 21 each), and AMS must know
    /// the billing model `marketplace-<marketplace>` for it; any other offered model passes.
    public func validatePromotion(to payload: KafkaPromotePayload, of kafka: KafkaRequest,
                                  instanceType: InstanceTypeConfig) throws(FleetError) {
        guard payload.desiredBillingModel == BillingModelID.marketplace else { return }
        guard !payload.desiredMarketplace.isEmpty else {
            throw FleetError(.badRequest, "marketplace attribute is mandatory when desired kafka billing model is 'marketplace'")
        }
        guard !payload.desiredBillingCloudAccountID.isEmpty else {
            throw FleetError(.badRequest, "billing cloud account id attribute is mandatory when desired kafka billing model is 'marketplace'")
        }
        let amsModel = "\(BillingModelID.marketplace)-\(payload.desiredMarketplace)"
        let offered = instanceType.supportedBillingModels.first { $0.id == BillingModelID.marketplace }?.amsBillingModels ?? []
        guard offered.contains(amsModel) else {
            throw FleetError(.billingAccountInvalid,
                             "Billing account id missing or invalid: AMS billing model '\(amsModel)' is not offered for instance type '\(instanceType.id)'")
        }
    }

    // MARK: billing model

    /// The kafka's billing model and the AMS billing model to reserve under.
    private func billingModel(
        for kafka: KafkaRequest, instanceType: InstanceTypeConfig
    ) async throws -> (BillingModelConfig, String) {
        func config(_ id: String) throws(ProviderError) -> BillingModelConfig {
            guard let model = instanceType.supportedBillingModels.first(where: { $0.id == id }) else {
                throw ProviderError(.rejected, provider: http.provider, "instance type \(instanceType.id) has no billing model \(id)")
            }
            return model
        }
        if !kafka.desiredBillingModel.isEmpty {
            let model = try config(kafka.desiredBillingModel)
            if model.id == "marketplace", !kafka.marketplace.isEmpty { return (model, "marketplace-\(kafka.marketplace)") }
            return (model, model.amsBillingModels.first ?? model.id)
        }
        guard let orgID = try await amsOrganisationID(externalID: kafka.organisationID) else {
            throw FleetError(.insufficientQuota, "Insufficient quota: Insufficient Quota")
        }
        let costs = try await quotaCosts(orgID: orgID)
        for id in ["standard", "marketplace"] {
            guard let model = instanceType.supportedBillingModels.first(where: { $0.id == id }) else { continue }
            for cost in costs where cost.consumed + kafka.quotaUnits <= cost.allowed {
                if let resource = cost.relatedResources.first(where: { $0.matches(model) && model.amsBillingModels.contains($0.billingModel) }) {
                    return (model, resource.billingModel)
                }
            }
        }
        throw FleetError(.insufficientQuota, "Insufficient quota: Insufficient Quota")
    }

    private static func isStandardOrMarketplace(_ amsModel: String) -> Bool {
        amsModel == "standard" || amsModel == "marketplace" || amsModel.hasPrefix("marketplace-")
    }

    // MARK: AMS resources

    /// The AMS organisation id of an external (SSO) organisation id, if AMS knows it.
    private func amsOrganisationID(externalID: String) async throws(ProviderError) -> String? {
        let response = try await send(.GET, "/organizations", query: [("search", "external_id='\(externalID)'")])
        guard response.isSuccess else { throw http.failure(response, "find organisation \(externalID)") }
        return try response.decode(List<Organization>.self, provider: http.provider).items.first?.id
    }

    /// The organisation's quota costs with their related resources, every page read.
    private func quotaCosts(orgID: String) async throws(ProviderError) -> [QuotaCost] {
        var costs: [QuotaCost] = []
        var page = 1
        while true {
            let response = try await send(
                .GET, "/organizations/\(percentEncode(orgID))/quota_cost",
                query: [("fetchRelatedResources", "true"), ("page", String(page)), ("size", String(Self.pageSize))])
            guard response.isSuccess else { throw http.failure(response, "read quota costs of organisation \(orgID)") }
            let list = try response.decode(List<QuotaCost>.self, provider: http.provider)
            costs += list.items
            guard list.items.count == Self.pageSize, costs.count < list.total ?? Int.max else { return costs }
            page += 1
        }
    }

    private func send(
        _ method: HTTPMethod, _ path: String, query: [(String, String)] = [], body: [UInt8]? = nil
    ) async throws(ProviderError) -> ProviderResponse {
        var url = trimmedBaseURL(configuration.baseURL) + "/api/accounts_mgmt/v1" + path
        if !query.isEmpty { url += "?" + queryString(query) }
        var headers = [("authorization", "Bearer \(configuration.token)"), ("accept", "application/json")]
        if body != nil { headers.append(("content-type", "application/json")) }
        return try await http.send(method, url, headers: headers, body: body)
    }

    // MARK: wire types

    /// An OCM list page.
    private struct List<Item: Decodable>: Decodable {
        var items: [Item]
        var total: Int?

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            items = try container.decodeIfPresent([Item].self, forKey: .items) ?? []
            total = try container.decodeIfPresent(Int.self, forKey: .total)
        }

        enum CodingKeys: String, CodingKey { case items, total }
    }

    private struct Organization: Decodable {
        var id: String
    }

    private struct QuotaCost: Decodable {
        var allowed: Int
        var consumed: Int
        var relatedResources: [RelatedResource]

        enum CodingKeys: String, CodingKey {
            case allowed, consumed, relatedResources = "related_resources"
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            allowed = try container.decodeIfPresent(Int.self, forKey: .allowed) ?? 0
            consumed = try container.decodeIfPresent(Int.self, forKey: .consumed) ?? 0
            relatedResources = try container.decodeIfPresent([RelatedResource].self, forKey: .relatedResources) ?? []
        }
    }

    private struct RelatedResource: Decodable {
        var resourceName: String
        var product: String
        var billingModel: String

        enum CodingKeys: String, CodingKey {
            case resourceName = "resource_name", product, billingModel = "billing_model"
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            resourceName = try container.decodeIfPresent(String.self, forKey: .resourceName) ?? ""
            product = try container.decodeIfPresent(String.self, forKey: .product) ?? ""
            billingModel = try container.decodeIfPresent(String.self, forKey: .billingModel) ?? ""
        }

        /// Whether it is the model's AMS resource and product.
        func matches(_ model: BillingModelConfig) -> Bool {
            resourceName == model.amsResource && product == model.amsProduct
        }
    }

    private struct Subscription: Decodable {
        var organizationID: String

        enum CodingKeys: String, CodingKey { case organizationID = "organization_id" }
    }

    private struct ClusterAuthorizationRequest: Encodable {
        struct Resource: Encodable {
            var resourceType: String
            var resourceName: String
            var billingModel: String
            var count: Int
            var billingMarketplaceAccount: String

            enum CodingKeys: String, CodingKey {
                case resourceType = "resource_type", resourceName = "resource_name", billingModel = "billing_model", count
                case billingMarketplaceAccount = "billing_marketplace_account"
            }
        }

        var accountUsername: String
        var cloudProviderID: String
        var productID: String
        var managed = true
        var byoc = false
        var disconnected = false
        var reserve = true
        var clusterID: String
        var availabilityZone: String
        var resources: [Resource]

        init(
            accountUsername: String, cloudProviderID: String, productID: String, clusterID: String,
            availabilityZone: String, resources: [Resource]
        ) {
            self.accountUsername = accountUsername
            self.cloudProviderID = cloudProviderID
            self.productID = productID
            self.clusterID = clusterID
            self.availabilityZone = availabilityZone
            self.resources = resources
        }

        enum CodingKeys: String, CodingKey {
            case accountUsername = "account_username", cloudProviderID = "cloud_provider_id", productID = "product_id"
            case managed, byoc, disconnected, reserve, clusterID = "cluster_id", externalClusterID = "external_cluster_id"
            case availabilityZone = "availability_zone", resources
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(accountUsername, forKey: .accountUsername)
            try container.encode(cloudProviderID, forKey: .cloudProviderID)
            try container.encode(productID, forKey: .productID)
            try container.encode(managed, forKey: .managed)
            try container.encode(byoc, forKey: .byoc)
            try container.encode(disconnected, forKey: .disconnected)
            try container.encode(reserve, forKey: .reserve)
            try container.encode(clusterID, forKey: .clusterID)
            try container.encode(clusterID, forKey: .externalClusterID)
            try container.encode(availabilityZone, forKey: .availabilityZone)
            try container.encode(resources, forKey: .resources)
        }
    }

    private struct ClusterAuthorizationResponse: Decodable {
        struct Link: Decodable { var id: String? }

        var allowed: Bool
        var subscription: Link?
    }
}
