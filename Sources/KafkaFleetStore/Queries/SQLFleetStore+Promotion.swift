public import KafkaFleetCore
import SQLKit

extension SQLFleetStore {
    /// One select on status, billing models and promotion status; least recently updated first (`updated_at`, then `id`).
    public func kafkasAwaitingPromotion(limit: Int) async throws -> [KafkaRequest] {
        guard limit > 0 else { return [] }
        let statuses = KafkaStatus.promotable.map(\.rawValue).sorted()
        return try await reading { db in
            try await Self.selectKafkas(db)
                .where(SQLQueryString("\(ident: "status") IN (\(binds: statuses))"))
                .where(SQLQueryString("\(ident: "actual_kafka_billing_model") <> \(ident: "desired_kafka_billing_model")"))
                .where("promotion_status", .notEqual, KafkaPromotionStatus.failed.rawValue)
                .where(SoftDeleteSQL.notDeleted)
                .orderBy("updated_at").orderBy("id").limit(limit)
                .readers().map { row throws(StoreError) in try KafkaRow.decode(row) }
        }
    }
}
