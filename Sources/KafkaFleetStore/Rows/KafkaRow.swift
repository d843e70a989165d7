import KafkaFleetCore
import SQLKit

/// How a `KafkaRequest` maps to a row of `kafka_requests`: one column per field, named like the
/// reference's columns where it has them.
enum KafkaRow {
    static let table = "kafka_requests"

    /// Every column, in the order `values(of:)` lists them, then `id` and `revision`.
    static let columns: [String] = fieldColumns + ["id", "revision"]

    /// Reads the non-deleted row with an id: binds the id. `SELECT *` rather than the column list: SQLite prepares
    /// every statement again, and resolving fifty named columns was most of a read's preparation.
    static let byID = CachedStatement { db in
        db.select().column(SQLLiteral.all).from(table).where("id", .equal, "").where(SoftDeleteSQL.notDeleted).limit(1).query
    }

    /// Inserts a row: binds `values(of:)`, then `id` and `revision`.
    static let insert = CachedStatement { db in
        db.insert(into: table).columns(columns).values(Array(repeating: SQLBind(""), count: columns.count)).query
    }

    /// The conditional update: binds `values(of:)`, then the id, the expected status and the expected revision;
    /// returns the new revision when the row matched.
    static let update = CachedStatement { db in
        var update = db.update(table)
        for column in fieldColumns { update = update.set(SQLRaw("\"\(column)\""), to: SQLBind("")) }
        return update.set(SQLIdentifier("revision"), to: SQLRaw("revision + 1"))
            .where("id", .equal, "").where("status", .equal, "").where("revision", .equal, 0).where(SoftDeleteSQL.notDeleted)
            .returning("revision").query
    }

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

    /// The values of `fieldColumns`, in the same order, as binds (`nil` is NULL).
    static func values(of kafka: KafkaRequest) throws(StoreError) -> [(any Encodable & Sendable)?] {
        [
            kafka.name, kafka.status.rawValue, kafka.owner, kafka.ownerAccountID, kafka.organisationID,
            kafka.cloudProvider, kafka.region, kafka.multiAZ, kafka.instanceType, kafka.sizeID,
            kafka.capacityUnits, kafka.quotaUnits, kafka.maxDataRetentionSize, kafka.clusterID,
            kafka.bootstrapServerHost, kafka.adminAPIServerURL, kafka.failedReason, kafka.placementID,
            kafka.namespace, kafka.subscriptionID, kafka.quotaType,
            kafka.desiredVersions.kafka, kafka.desiredVersions.strimzi, kafka.desiredVersions.kafkaIBP,
            kafka.actualVersions.kafka, kafka.actualVersions.strimzi, kafka.actualVersions.kafkaIBP,
            kafka.kafkaUpgrading, kafka.strimziUpgrading, kafka.kafkaIBPUpgrading,
            kafka.canaryClientID, kafka.canaryClientSecret, try SQLValue.jsonText(kafka.routes),
            kafka.routesCreated, kafka.bootstrapDNSCreated, kafka.agentReportedReady,
            kafka.reauthenticationEnabled, kafka.billingCloudAccountID, kafka.marketplace,
            kafka.actualBillingModel, kafka.desiredBillingModel, kafka.promotionStatus,
            kafka.promotionDetails, kafka.expiresAt, kafka.createdAt, kafka.updatedAt,
            kafka.statusChangedAt, kafka.deletedAt,
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
