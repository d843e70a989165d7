import KafkaFleetCore
import SQLKit

/// How a `KafkaRequest` maps to a row of `kafka_requests`: one column per field, named like the
/// reference's columns where it has them.
enum KafkaRow {
    static let table = "kafka_requests"

    /// Every column, in the order `fields(of:)` lists them, then `id` and `revision`.
    static let columns: [String] = fieldColumns + ["id", "revision"]

    /// `columns` as SQL, quoted once: both engines quote identifiers with double quotes, and quoting some fifty
    /// names again for every statement was a visible part of each read's cost.
    static let quotedColumns: [any SQLExpression] = columns.map { SQLRaw("\"\($0)\"") }

    /// `fieldColumns` as SQL, quoted once like `quotedColumns`.
    static let quotedFieldColumns: [any SQLExpression] = fieldColumns.map { SQLRaw("\"\($0)\"") }

    /// The columns a write sets from the value (all but `id` and `revision`, which the store manages).
    static let fieldColumns: [String] = [
        "name", "status", "owner", "owner_account_id", "organisation_id", "cloud_provider", "region", "multi_az",
        "instance_type", "size_id", "capacity_units", "quota_units", "max_data_retention_size", "cluster_id",
        "bootstrap_server_host", "admin_api_server_url", "failed_reason", "placement_id", "namespace", "subscription_id",
        "quota_type", "desired_kafka_version", "desired_strimzi_version", "desired_kafka_ibp_version",
        "actual_kafka_version", "actual_strimzi_version", "actual_kafka_ibp_version", "kafka_upgrading",
        "strimzi_upgrading", "kafka_ibp_upgrading", "canary_service_account_client_id",
        "canary_service_account_client_secret", "routes", "routes_created", "bootstrap_dns_created",
        "agent_reported_ready", "reauthentication_enabled", "billing_cloud_account_id", "marketplace",
        "actual_kafka_billing_model", "desired_kafka_billing_model", "promotion_status", "promotion_details",
        "expires_at", "created_at", "updated_at", "status_changed_at", "deleted_at",
    ]

    /// The bound values of `fieldColumns`, in the same order.
    static func fields(of kafka: KafkaRequest) throws(StoreError) -> [any SQLExpression] {
        let b: (any Encodable & Sendable) -> any SQLExpression = { SQLBind($0) }
        return [
            b(kafka.name), b(kafka.status.rawValue), b(kafka.owner), b(kafka.ownerAccountID), b(kafka.organisationID),
            b(kafka.cloudProvider), b(kafka.region), b(kafka.multiAZ), b(kafka.instanceType), b(kafka.sizeID),
            b(kafka.capacityUnits), b(kafka.quotaUnits), b(kafka.maxDataRetentionSize), b(kafka.clusterID),
            b(kafka.bootstrapServerHost), b(kafka.adminAPIServerURL), b(kafka.failedReason), b(kafka.placementID),
            b(kafka.namespace), b(kafka.subscriptionID), b(kafka.quotaType),
            b(kafka.desiredVersions.kafka), b(kafka.desiredVersions.strimzi), b(kafka.desiredVersions.kafkaIBP),
            b(kafka.actualVersions.kafka), b(kafka.actualVersions.strimzi), b(kafka.actualVersions.kafkaIBP),
            b(kafka.kafkaUpgrading), b(kafka.strimziUpgrading), b(kafka.kafkaIBPUpgrading),
            b(kafka.canaryClientID), b(kafka.canaryClientSecret), try SQLValue.json(kafka.routes),
            b(kafka.routesCreated), b(kafka.bootstrapDNSCreated), b(kafka.agentReportedReady),
            b(kafka.reauthenticationEnabled), b(kafka.billingCloudAccountID), b(kafka.marketplace),
            b(kafka.actualBillingModel), b(kafka.desiredBillingModel), b(kafka.promotionStatus),
            b(kafka.promotionDetails), SQLValue.optional(kafka.expiresAt), b(kafka.createdAt), b(kafka.updatedAt),
            b(kafka.statusChangedAt), SQLValue.optional(kafka.deletedAt),
        ]
    }

    /// The kafka stored in `row`.
    static func decode(_ r: RowReader) throws(StoreError) -> KafkaRequest {
        var kafka = KafkaRequest(
            id: try r.string("id"), name: try r.string("name"), owner: try r.string("owner"),
            organisationID: try r.string("organisation_id"), cloudProvider: try r.string("cloud_provider"),
            region: try r.string("region"), instanceType: try r.string("instance_type"), sizeID: try r.string("size_id"),
            multiAZ: try r.bool("multi_az"), capacityUnits: try r.int("capacity_units"), quotaUnits: try r.int("quota_units"),
            maxDataRetentionSize: try r.string("max_data_retention_size"), now: try r.date("created_at")
        )
        kafka.status = try r.enumValue("status", as: KafkaStatus.self)
        kafka.ownerAccountID = try r.string("owner_account_id")
        kafka.clusterID = try r.string("cluster_id")
        kafka.bootstrapServerHost = try r.string("bootstrap_server_host")
        kafka.adminAPIServerURL = try r.string("admin_api_server_url")
        kafka.failedReason = try r.string("failed_reason")
        kafka.placementID = try r.string("placement_id")
        kafka.namespace = try r.string("namespace")
        kafka.subscriptionID = try r.string("subscription_id")
        kafka.quotaType = try r.string("quota_type")
        kafka.desiredVersions = KafkaVersions(
            kafka: try r.string("desired_kafka_version"), strimzi: try r.string("desired_strimzi_version"),
            kafkaIBP: try r.string("desired_kafka_ibp_version"))
        kafka.actualVersions = KafkaVersions(
            kafka: try r.string("actual_kafka_version"), strimzi: try r.string("actual_strimzi_version"),
            kafkaIBP: try r.string("actual_kafka_ibp_version"))
        kafka.kafkaUpgrading = try r.bool("kafka_upgrading")
        kafka.strimziUpgrading = try r.bool("strimzi_upgrading")
        kafka.kafkaIBPUpgrading = try r.bool("kafka_ibp_upgrading")
        kafka.canaryClientID = try r.string("canary_service_account_client_id")
        kafka.canaryClientSecret = try r.string("canary_service_account_client_secret")
        kafka.routes = try r.json("routes", as: [KafkaRoute].self)
        kafka.routesCreated = try r.bool("routes_created")
        kafka.bootstrapDNSCreated = try r.bool("bootstrap_dns_created")
        kafka.agentReportedReady = try r.bool("agent_reported_ready")
        kafka.reauthenticationEnabled = try r.bool("reauthentication_enabled")
        kafka.billingCloudAccountID = try r.string("billing_cloud_account_id")
        kafka.marketplace = try r.string("marketplace")
        kafka.actualBillingModel = try r.string("actual_kafka_billing_model")
        kafka.desiredBillingModel = try r.string("desired_kafka_billing_model")
        kafka.promotionStatus = try r.string("promotion_status")
        kafka.promotionDetails = try r.string("promotion_details")
        kafka.expiresAt = try r.optionalDate("expires_at")
        kafka.updatedAt = try r.date("updated_at")
        kafka.statusChangedAt = try r.date("status_changed_at")
        kafka.deletedAt = try r.optionalDate("deleted_at")
        kafka.revision = try r.int("revision")
        return kafka
    }
}
