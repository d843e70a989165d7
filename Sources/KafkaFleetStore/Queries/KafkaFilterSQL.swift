import KafkaFleetCore
import SQLKit

/// `KafkaFilter` and `AdmissionMeasure` as SQL, with every value bound.
enum KafkaFilterSQL {
    /// The conditions a row must meet to match `filter` (non-deleted included), to be joined with AND.
    static func predicates(_ filter: KafkaFilter) -> [any SQLExpression] {
        var predicates: [any SQLExpression] = [SoftDeleteSQL.notDeleted]
        let equalities: [(String, String?)] = [
            ("cluster_id", filter.clusterID), ("cloud_provider", filter.cloudProvider), ("region", filter.region),
            ("instance_type", filter.instanceType), ("organisation_id", filter.organisationID), ("owner", filter.owner),
        ]
        for case let (column, value?) in equalities {
            predicates.append(SQLBinaryExpression(SQLIdentifier(column), .equal, SQLBind(value)))
        }
        if let model = filter.billingModel {
            predicates.append(SQLQueryString(
                "(\(ident: "actual_kafka_billing_model") = \(bind: model) OR \(ident: "desired_kafka_billing_model") = \(bind: model))"))
        }
        if filter.excludingEnterprise {
            predicates.append(SQLBinaryExpression(SQLIdentifier("desired_kafka_billing_model"), .notEqual, SQLBind("enterprise")))
        }
        if !filter.excludingStatuses.isEmpty {
            let statuses = filter.excludingStatuses.map(\.rawValue).sorted()
            predicates.append(SQLQueryString("\(ident: "status") NOT IN (\(binds: statuses))"))
        }
        return predicates
    }

    /// The aggregate that weighs the matching rows by `measure`, as a BIGINT on both engines
    /// (PostgreSQL's SUM of BIGINT is NUMERIC).
    static func total(_ measure: AdmissionMeasure) -> any SQLExpression {
        switch measure {
        case .instances: SQLRaw("COUNT(*)")
        case .capacityUnits: SQLRaw("CAST(COALESCE(SUM(capacity_units), 0) AS BIGINT)")
        case .quotaUnits: SQLRaw("CAST(COALESCE(SUM(quota_units), 0) AS BIGINT)")
        }
    }
}
