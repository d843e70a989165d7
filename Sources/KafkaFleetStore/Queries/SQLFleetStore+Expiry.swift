public import Foundation
public import KafkaFleetCore
import SQLKit

extension SQLFleetStore {
    public func expiredKafkas(at now: Date, limit: Int) async throws -> [KafkaRequest] {
        guard limit > 0 else { return [] }
        return try await reading { db in
            try await Self.selectKafkas(db)
                .where(SQLQueryString("\(ident: "expires_at") IS NOT NULL AND \(ident: "expires_at") <= \(bind: now)"))
                .where(SQLQueryString("\(ident: "status") NOT IN (\(binds: KafkaStatus.deletingStatuses.map(\.rawValue).sorted()))"))
                .where(SoftDeleteSQL.notDeleted)
                .orderBy("expires_at").orderBy("id").limit(limit)
                .readers().map { row throws(StoreError) in try KafkaRow.decode(row) }
        }
    }
}
