public import Foundation

/// A user's kafka instance as the control plane records it: what was asked for, where it was placed,
/// what the data plane reported, and the external resources created for it.
public struct KafkaRequest: Sendable, Hashable, Codable {
    /// The xid of the instance.
    public var id: String
    /// The user-chosen name, unique within the organisation among non-deleted instances.
    public var name: String
    /// The current status.
    public var status: KafkaStatus
    /// The username of the owner.
    public var owner: String
    /// The account id of the owner, from the `account_id` claim.
    public var ownerAccountID: String
    /// The organisation the instance belongs to.
    public var organisationID: String
    /// The cloud provider, e.g. `aws`.
    public var cloudProvider: String
    /// The cloud region, e.g. `us-east-1`.
    public var region: String
    /// Whether the instance spans availability zones (derived from the instance type).
    public var multiAZ: Bool
    /// The instance type, `standard` or `developer`.
    public var instanceType: String
    /// The size within the instance type, e.g. `x1`.
    public var sizeID: String
    /// Streaming units this instance consumes on its cluster (the size's `capacityConsumed`).
    public var capacityUnits: Int
    /// Quota units this instance consumes (the size's `quotaConsumed`).
    public var quotaUnits: Int
    /// The maximum data retention size as a Kubernetes quantity, e.g. `1000Gi`.
    public var maxDataRetentionSize: String
    /// The `cluster_id` of the data-plane cluster it was placed on; empty until placed.
    public var clusterID: String
    /// The bootstrap host (no port); empty until the preparing step assigns one.
    public var bootstrapServerHost: String
    /// The admin API URL the agent reported when the instance became ready.
    public var adminAPIServerURL: String
    /// A user-readable sentence saying why the instance failed; empty unless failed.
    public var failedReason: String
    /// A fresh xid per placement, so the agent treats a re-placement as new.
    public var placementID: String
    /// The Kubernetes namespace on the data plane, `kafka-<id>`.
    public var namespace: String
    /// The quota subscription id returned by the quota service (AMS), if any.
    public var subscriptionID: String
    /// The quota service used at creation (`quota-management-list`, `ams`, `allow-all`), used again at deletion.
    public var quotaType: String
    /// The versions the agent should run.
    public var desiredVersions: KafkaVersions
    /// The versions the agent last reported.
    public var actualVersions: KafkaVersions
    /// Whether the agent reports a Kafka upgrade in progress.
    public var kafkaUpgrading: Bool
    /// Whether the agent reports a Strimzi upgrade in progress.
    public var strimziUpgrading: Bool
    /// Whether the agent reports an inter-broker-protocol upgrade in progress.
    public var kafkaIBPUpgrading: Bool
    /// The client id of the per-instance canary service account.
    public var canaryClientID: String
    /// The secret of the per-instance canary service account.
    public var canaryClientSecret: String
    /// The routes the agent reported, stored once; `nil` until then.
    public var routes: [KafkaRoute]?
    /// Whether the DNS records of the stored routes exist.
    public var routesCreated: Bool
    /// Whether the DNS record of the bootstrap host exists.
    public var bootstrapDNSCreated: Bool
    /// Whether the agent's last report had the Ready condition true.
    public var agentReportedReady: Bool
    /// Whether clients must re-authenticate within the session lifetime.
    public var reauthenticationEnabled: Bool
    /// The billing cloud account, for marketplace billing.
    public var billingCloudAccountID: String
    /// The marketplace, for marketplace billing.
    public var marketplace: String
    /// The billing model the quota service reserved.
    public var actualBillingModel: String
    /// The billing model the user asked for.
    public var desiredBillingModel: String
    /// `promoting`, `failed` or empty.
    public var promotionStatus: String
    /// Details of the last promotion failure.
    public var promotionDetails: String
    /// When the instance expires and will be deprovisioned, if ever.
    public var expiresAt: Date?
    /// When the request was recorded.
    public var createdAt: Date
    /// When the row was last written.
    public var updatedAt: Date
    /// When the status last changed; timeouts count from here.
    public var statusChangedAt: Date
    /// When the row was soft-deleted.
    public var deletedAt: Date?
    /// A counter the store increments on every write, so that a writer holding an old copy loses.
    public var revision: Int

    /// A new request in `accepted`, with every external field empty.
    public init(
        id: String, name: String, owner: String, organisationID: String,
        cloudProvider: String, region: String, instanceType: String, sizeID: String,
        multiAZ: Bool, capacityUnits: Int = 1, quotaUnits: Int = 1,
        maxDataRetentionSize: String = "", now: Date
    ) {
        self.id = id
        self.name = name
        self.status = KafkaLifecycle.initialStatus
        self.owner = owner
        self.ownerAccountID = ""
        self.organisationID = organisationID
        self.cloudProvider = cloudProvider
        self.region = region
        self.multiAZ = multiAZ
        self.instanceType = instanceType
        self.sizeID = sizeID
        self.capacityUnits = capacityUnits
        self.quotaUnits = quotaUnits
        self.maxDataRetentionSize = maxDataRetentionSize
        self.clusterID = ""
        self.bootstrapServerHost = ""
        self.adminAPIServerURL = ""
        self.failedReason = ""
        self.placementID = ""
        self.namespace = ""
        self.subscriptionID = ""
        self.quotaType = ""
        self.desiredVersions = KafkaVersions()
        self.actualVersions = KafkaVersions()
        self.kafkaUpgrading = false
        self.strimziUpgrading = false
        self.kafkaIBPUpgrading = false
        self.canaryClientID = ""
        self.canaryClientSecret = ""
        self.routes = nil
        self.routesCreated = false
        self.bootstrapDNSCreated = false
        self.agentReportedReady = false
        self.reauthenticationEnabled = true
        self.billingCloudAccountID = ""
        self.marketplace = ""
        self.actualBillingModel = ""
        self.desiredBillingModel = ""
        self.promotionStatus = ""
        self.promotionDetails = ""
        self.expiresAt = nil
        self.createdAt = now
        self.updatedAt = now
        self.statusChangedAt = now
        self.deletedAt = nil
        self.revision = 0
    }
}
