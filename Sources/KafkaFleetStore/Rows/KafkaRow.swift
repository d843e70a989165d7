import Foundation
package import KafkaFleetCore
import SQLKit

/// How a `KafkaRequest` maps to a row of `kafka_requests`: one column per field, named like the
/// reference's columns where it has them.
///
/// `columns` is the whole map: every statement's column list, every bind and the decoder come from it, so a column
/// is added in one place. `package`-visible (the table, the columns and the decoder) for the store benchmark's raw
/// side, which runs the same statements on the drivers directly.
package enum KafkaRow {
    /// The table.
    package static let table = "kafka_requests"

    /// The columns a write sets from the value: all but `id` and `revision`, which the store manages.
    package static let fields: [KafkaColumn] = [
        .text("name", \.name),
        .status("status", \.status),
        .text("owner", \.owner),
        .text("owner_account_id", \.ownerAccountID),
        .text("organisation_id", \.organisationID),
        .text("cloud_provider", \.cloudProvider),
        .text("region", \.region),
        .bool("multi_az", \.multiAZ),
        .text("instance_type", \.instanceType),
        .text("size_id", \.sizeID),
        .int("capacity_units", \.capacityUnits),
        .int("quota_units", \.quotaUnits),
        .text("max_data_retention_size", \.maxDataRetentionSize),
        .text("cluster_id", \.clusterID),
        .text("bootstrap_server_host", \.bootstrapServerHost),
        .text("admin_api_server_url", \.adminAPIServerURL),
        .text("failed_reason", \.failedReason),
        .text("placement_id", \.placementID),
        .text("namespace", \.namespace),
        .text("subscription_id", \.subscriptionID),
        .text("quota_type", \.quotaType),
        .text("desired_kafka_version", \.desiredVersions.kafka),
        .text("desired_strimzi_version", \.desiredVersions.strimzi),
        .text("desired_kafka_ibp_version", \.desiredVersions.kafkaIBP),
        .text("actual_kafka_version", \.actualVersions.kafka),
        .text("actual_strimzi_version", \.actualVersions.strimzi),
        .text("actual_kafka_ibp_version", \.actualVersions.kafkaIBP),
        .bool("kafka_upgrading", \.kafkaUpgrading),
        .bool("strimzi_upgrading", \.strimziUpgrading),
        .bool("kafka_ibp_upgrading", \.kafkaIBPUpgrading),
        .text("canary_service_account_client_id", \.canaryClientID),
        .text("canary_service_account_client_secret", \.canaryClientSecret),
        .routes("routes", \.routes),
        .bool("routes_created", \.routesCreated),
        .bool("bootstrap_dns_created", \.bootstrapDNSCreated),
        .bool("agent_reported_ready", \.agentReportedReady),
        .bool("reauthentication_enabled", \.reauthenticationEnabled),
        .text("billing_cloud_account_id", \.billingCloudAccountID),
        .text("marketplace", \.marketplace),
        .text("actual_kafka_billing_model", \.actualBillingModel),
        .text("desired_kafka_billing_model", \.desiredBillingModel),
        .text("promotion_status", \.promotionStatus),
        .text("promotion_details", \.promotionDetails),
        .optionalDate("expires_at", \.expiresAt),
        .date("created_at", \.createdAt),
        .date("updated_at", \.updatedAt),
        .date("status_changed_at", \.statusChangedAt),
        .optionalDate("deleted_at", \.deletedAt),
    ]

    /// Every column: `fields`, then `id` and `revision`, the order of an insert's binds.
    package static let columns: [KafkaColumn] = fields + [.text("id", \.id), .int("revision", \.revision)]

    /// Reads the non-deleted row with an id: binds the id. `SELECT *` rather than the column list: SQLite prepares
    /// every statement again, and resolving fifty named columns was most of a read's preparation.
    static let byID = CachedStatement { db in
        db.select().column(SQLLiteral.all).from(table).where("id", .equal, "").where(SoftDeleteSQL.notDeleted).limit(1).query
    }

    /// Inserts a row: binds `values(of:)`, then `id` and `revision`.
    static let insert = CachedStatement { db in
        db.insert(into: table).columns(columns.map(\.name)).values(Array(repeating: SQLBind(""), count: columns.count)).query
    }

    /// The conditional update: binds `values(of:)`, then the id, the expected status and the expected revision;
    /// returns the new revision when the row matched.
    static let update = CachedStatement { db in
        var update = db.update(table)
        for column in fields { update = update.set(SQLRaw("\"\(column.name)\""), to: SQLBind("")) }
        return update.set(SQLIdentifier("revision"), to: SQLRaw("revision + 1"))
            .where("id", .equal, "").where("status", .equal, "").where("revision", .equal, 0).where(SoftDeleteSQL.notDeleted)
            .returning("revision").query
    }

    /// The values of `fields`, in the same order, as binds (`nil` is NULL).
    static func values(of kafka: KafkaRequest) throws(StoreError) -> [(any Encodable & Sendable)?] {
        var values: [(any Encodable & Sendable)?] = []
        values.reserveCapacity(fields.count)
        for column in fields { values.append(try column.value(of: kafka).bind) }
        return values
    }

    /// The kafka stored in `row`: every column of `columns` read into its field.
    package static func decode<Row: KafkaColumnReader>(_ row: Row) throws(Row.Failure) -> KafkaRequest {
        var kafka = KafkaRequest(
            id: "", name: "", owner: "", organisationID: "", cloudProvider: "", region: "", instanceType: "", sizeID: "",
            multiAZ: false, now: .distantPast)
        for column in columns { try column.read(from: row, into: &kafka) }
        return kafka
    }
}
