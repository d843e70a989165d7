import Foundation
public import KafkaFleetCore

/// A kafka as the reference presents it (`KafkaRequest` of the public spec): kind `Kafka`, optional fields
/// omitted when empty, `bootstrap_server_host` with `:443`, never a `null` except `expires_at`/`cluster_id`.
public struct KafkaRequestJSON: Codable, Sendable, Hashable {
    var id: String
    var kind: String
    var href: String
    var status: String
    var cloudProvider: String
    var multiAZ: Bool
    var region: String
    var owner: String
    var name: String
    var bootstrapServerHost: String?
    var adminAPIServerURL: String?
    var createdAt: String
    var updatedAt: String
    var expiresAt: String?
    var failedReason: String?
    var version: String?
    var instanceType: String
    var instanceTypeName: String?
    var reauthenticationEnabled: Bool
    var maxDataRetentionSize: ByteCountJSON
    var browserURL: String
    var sizeID: String
    var ingressThroughputPerSec: String?
    var egressThroughputPerSec: String?
    var totalMaxConnections: Int?
    var maxPartitions: Int?
    var maxDataRetentionPeriod: String?
    var maxConnectionAttemptsPerSec: Int?
    var billingCloudAccountID: String?
    var marketplace: String?
    var billingModel: String?
    var promotionStatus: String?
    var promotionDetails: String?
    var clusterID: String?

    enum CodingKeys: String, CodingKey {
        case id, kind, href, status, region, owner, name, version, marketplace
        case cloudProvider = "cloud_provider", multiAZ = "multi_az", bootstrapServerHost = "bootstrap_server_host"
        case adminAPIServerURL = "admin_api_server_url", createdAt = "created_at", updatedAt = "updated_at"
        case expiresAt = "expires_at", failedReason = "failed_reason", instanceType = "instance_type"
        case instanceTypeName = "instance_type_name", reauthenticationEnabled = "reauthentication_enabled"
        case maxDataRetentionSize = "max_data_retention_size", browserURL = "browser_url", sizeID = "size_id"
        case ingressThroughputPerSec = "ingress_throughput_per_sec", egressThroughputPerSec = "egress_throughput_per_sec"
        case totalMaxConnections = "total_max_connections", maxPartitions = "max_partitions"
        case maxDataRetentionPeriod = "max_data_retention_period", maxConnectionAttemptsPerSec = "max_connection_attempts_per_sec"
        case billingCloudAccountID = "billing_cloud_account_id", billingModel = "billing_model"
        case promotionStatus = "promotion_status", promotionDetails = "promotion_details", clusterID = "cluster_id"
    }

    /// The presentation of `kafka`, with the size data of its instance type and the console's base URL.
    public init(_ kafka: KafkaRequest, instanceTypes: InstanceTypeCatalog, browserURL: String) throws {
        let type = instanceTypes.instanceType(kafka.instanceType)
        let size = type?.size(kafka.sizeID)
        func nonEmpty(_ text: String) -> String? { text.isEmpty ? nil : text }
        func nonZero(_ number: Int?) -> Int? { number.flatMap { $0 == 0 ? nil : $0 } }
        id = kafka.id
        kind = "Kafka"
        href = "\(APIPaths.kafkas)/\(kafka.id)"
        status = kafka.status.rawValue
        cloudProvider = kafka.cloudProvider
        multiAZ = kafka.multiAZ
        region = kafka.region
        owner = kafka.owner
        name = kafka.name
        bootstrapServerHost = nonEmpty(kafka.bootstrapServerHost).map { "\($0):443" }
        adminAPIServerURL = nonEmpty(kafka.adminAPIServerURL)
        createdAt = WireJSON.timestamp(kafka.createdAt)
        updatedAt = WireJSON.timestamp(kafka.updatedAt)
        expiresAt = kafka.expiresAt.map(WireJSON.timestamp)
        failedReason = kafka.status == .failed ? nonEmpty(kafka.failedReason) : nil
        version = nonEmpty(kafka.actualVersions.kafka)
        instanceType = kafka.instanceType
        instanceTypeName = type.map(\.displayName)
        reauthenticationEnabled = kafka.reauthenticationEnabled
        guard let bytes = kafka.maxDataRetentionSize.isEmpty ? 0 : Quantity.bytes(kafka.maxDataRetentionSize) else {
            throw FleetError(.general)
        }
        maxDataRetentionSize = ByteCountJSON(bytes)
        let base = browserURL.hasSuffix("/") ? String(browserURL.dropLast()) : browserURL
        self.browserURL = "\(base)/\(kafka.id)/details/dashboard"
        sizeID = kafka.sizeID
        ingressThroughputPerSec = size.map(\.ingressThroughputPerSec)
        egressThroughputPerSec = size.map(\.egressThroughputPerSec)
        totalMaxConnections = nonZero(size?.totalMaxConnections)
        maxPartitions = nonZero(size?.maxPartitions)
        maxDataRetentionPeriod = size.flatMap { nonEmpty($0.maxDataRetentionPeriod) }
        maxConnectionAttemptsPerSec = nonZero(size?.maxConnectionAttemptsPerSec)
        billingCloudAccountID = nonEmpty(kafka.billingCloudAccountID)
        marketplace = nonEmpty(kafka.marketplace)
        billingModel = nonEmpty(kafka.actualBillingModel)
        promotionStatus = nonEmpty(kafka.promotionStatus)
        promotionDetails = nonEmpty(kafka.promotionDetails)
        clusterID = kafka.desiredBillingModel == BillingModelID.enterprise ? nonEmpty(kafka.clusterID) : nil
    }
}

/// A size in bytes as the reference writes it: `{"bytes": n}`, or `{}` when zero.
public struct ByteCountJSON: Codable, Sendable, Hashable {
    /// The number of bytes; `nil` is written as `{}`.
    public var bytes: Int64?

    /// A size; zero is written as `{}`.
    public init(_ bytes: Int64) { self.bytes = bytes == 0 ? nil : bytes }
}
