import Foundation
import KafkaFleetCore

/// What the raw side writes and reads for a kafka, written by hand for the drivers: the same table, the same
/// fifty columns and the same statements the store runs, so the two sides differ only by the store itself.
enum RawKafka {
    /// A value as the raw side binds it; each driver turns it into its own bind type.
    enum Value {
        case text(String), int(Int), bool(Bool), date(Date), null
    }

    /// The columns a write sets, then `id` and `revision`, as `values(of:revision:)` lists them.
    static let columns = [
        "name", "status", "owner", "owner_account_id", "organisation_id", "cloud_provider", "region", "multi_az",
        "instance_type", "size_id", "capacity_units", "quota_units", "max_data_retention_size", "cluster_id",
        "bootstrap_server_host", "admin_api_server_url", "failed_reason", "placement_id", "namespace", "subscription_id",
        "quota_type", "desired_kafka_version", "desired_strimzi_version", "desired_kafka_ibp_version",
        "actual_kafka_version", "actual_strimzi_version", "actual_kafka_ibp_version", "kafka_upgrading",
        "strimzi_upgrading", "kafka_ibp_upgrading", "canary_service_account_client_id",
        "canary_service_account_client_secret", "routes", "routes_created", "bootstrap_dns_created",
        "agent_reported_ready", "reauthentication_enabled", "billing_cloud_account_id", "marketplace",
        "actual_kafka_billing_model", "desired_kafka_billing_model", "promotion_status", "promotion_details",
        "expires_at", "created_at", "updated_at", "status_changed_at", "deleted_at", "id", "revision",
    ]

    /// The number of columns an update sets (all but `id` and `revision`).
    static let fieldCount = columns.count - 2

    /// The column list of a SELECT or INSERT.
    static let columnList = columns.map { "\"\($0)\"" }.joined(separator: ", ")

    /// The values of `columns` for `kafka`.
    static func values(of kafka: KafkaRequest, revision: Int) -> [Value] {
        let routes = kafka.routes.map { Value.text(String(decoding: (try? JSONEncoder().encode($0)) ?? Data(), as: UTF8.self)) } ?? .null
        return [
            .text(kafka.name), .text(kafka.status.rawValue), .text(kafka.owner), .text(kafka.ownerAccountID),
            .text(kafka.organisationID), .text(kafka.cloudProvider), .text(kafka.region), .bool(kafka.multiAZ),
            .text(kafka.instanceType), .text(kafka.sizeID), .int(kafka.capacityUnits), .int(kafka.quotaUnits),
            .text(kafka.maxDataRetentionSize), .text(kafka.clusterID), .text(kafka.bootstrapServerHost),
            .text(kafka.adminAPIServerURL), .text(kafka.failedReason), .text(kafka.placementID), .text(kafka.namespace),
            .text(kafka.subscriptionID), .text(kafka.quotaType), .text(kafka.desiredVersions.kafka),
            .text(kafka.desiredVersions.strimzi), .text(kafka.desiredVersions.kafkaIBP), .text(kafka.actualVersions.kafka),
            .text(kafka.actualVersions.strimzi), .text(kafka.actualVersions.kafkaIBP), .bool(kafka.kafkaUpgrading),
            .bool(kafka.strimziUpgrading), .bool(kafka.kafkaIBPUpgrading), .text(kafka.canaryClientID),
            .text(kafka.canaryClientSecret), routes, .bool(kafka.routesCreated), .bool(kafka.bootstrapDNSCreated),
            .bool(kafka.agentReportedReady), .bool(kafka.reauthenticationEnabled), .text(kafka.billingCloudAccountID),
            .text(kafka.marketplace), .text(kafka.actualBillingModel), .text(kafka.desiredBillingModel),
            .text(kafka.promotionStatus), .text(kafka.promotionDetails), kafka.expiresAt.map(Value.date) ?? .null,
            .date(kafka.createdAt), .date(kafka.updatedAt), .date(kafka.statusChangedAt),
            kafka.deletedAt.map(Value.date) ?? .null, .text(kafka.id), .int(revision),
        ]
    }

    /// The kafka in a row read through `row`.
    static func decode(_ row: some RawColumns) throws -> KafkaRequest {
        var kafka = KafkaRequest(
            id: try row.string("id"), name: try row.string("name"), owner: try row.string("owner"),
            organisationID: try row.string("organisation_id"), cloudProvider: try row.string("cloud_provider"),
            region: try row.string("region"), instanceType: try row.string("instance_type"), sizeID: try row.string("size_id"),
            multiAZ: try row.bool("multi_az"), capacityUnits: try row.int("capacity_units"), quotaUnits: try row.int("quota_units"),
            maxDataRetentionSize: try row.string("max_data_retention_size"), now: try row.date("created_at"))
        guard let status = KafkaStatus(rawValue: try row.string("status")) else { throw RawError.badValue("status") }
        kafka.status = status
        kafka.ownerAccountID = try row.string("owner_account_id")
        kafka.clusterID = try row.string("cluster_id")
        kafka.bootstrapServerHost = try row.string("bootstrap_server_host")
        kafka.adminAPIServerURL = try row.string("admin_api_server_url")
        kafka.failedReason = try row.string("failed_reason")
        kafka.placementID = try row.string("placement_id")
        kafka.namespace = try row.string("namespace")
        kafka.subscriptionID = try row.string("subscription_id")
        kafka.quotaType = try row.string("quota_type")
        kafka.desiredVersions = KafkaVersions(kafka: try row.string("desired_kafka_version"), strimzi: try row.string("desired_strimzi_version"),
                                              kafkaIBP: try row.string("desired_kafka_ibp_version"))
        kafka.actualVersions = KafkaVersions(kafka: try row.string("actual_kafka_version"), strimzi: try row.string("actual_strimzi_version"),
                                             kafkaIBP: try row.string("actual_kafka_ibp_version"))
        kafka.kafkaUpgrading = try row.bool("kafka_upgrading")
        kafka.strimziUpgrading = try row.bool("strimzi_upgrading")
        kafka.kafkaIBPUpgrading = try row.bool("kafka_ibp_upgrading")
        kafka.canaryClientID = try row.string("canary_service_account_client_id")
        kafka.canaryClientSecret = try row.string("canary_service_account_client_secret")
        if !(try row.isNull("routes")) {
            kafka.routes = try JSONDecoder().decode([KafkaRoute].self, from: Data(try row.string("routes").utf8))
        }
        kafka.routesCreated = try row.bool("routes_created")
        kafka.bootstrapDNSCreated = try row.bool("bootstrap_dns_created")
        kafka.agentReportedReady = try row.bool("agent_reported_ready")
        kafka.reauthenticationEnabled = try row.bool("reauthentication_enabled")
        kafka.billingCloudAccountID = try row.string("billing_cloud_account_id")
        kafka.marketplace = try row.string("marketplace")
        kafka.actualBillingModel = try row.string("actual_kafka_billing_model")
        kafka.desiredBillingModel = try row.string("desired_kafka_billing_model")
        kafka.promotionStatus = try row.string("promotion_status")
        kafka.promotionDetails = try row.string("promotion_details")
        kafka.expiresAt = try row.isNull("expires_at") ? nil : try row.date("expires_at")
        kafka.updatedAt = try row.date("updated_at")
        kafka.statusChangedAt = try row.date("status_changed_at")
        kafka.deletedAt = try row.isNull("deleted_at") ? nil : try row.date("deleted_at")
        kafka.revision = try row.int("revision")
        return kafka
    }
}

/// One result row read by column name with a driver's own decoders.
protocol RawColumns {
    func string(_ column: String) throws -> String
    func int(_ column: String) throws -> Int
    func bool(_ column: String) throws -> Bool
    func date(_ column: String) throws -> Date
    func isNull(_ column: String) throws -> Bool
}

/// A value the raw side could not read.
enum RawError: Error {
    case badValue(String)
}
