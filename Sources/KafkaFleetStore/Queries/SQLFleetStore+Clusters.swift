public import Foundation
public import KafkaFleetCore
import SQLKit

extension SQLFleetStore {
    /// Inserts the row at revision 1 and its creation event; the unique `cluster_id` index reports duplicates.
    public func createCluster(_ cluster: DataPlaneCluster) async throws -> DataPlaneCluster {
        let values = try ClusterRow.fields(of: cluster) + [SQLBind(cluster.id), SQLBind(1)]
        return try await writing { db in
            do {
                try await db.insert(into: ClusterRow.table).columns(ClusterRow.columns).values(values).run()
            } catch let error where UniqueKey.violated(by: error) == .clusterID {
                throw StoreError(.duplicateCluster)
            }
            try await StatusEventRow.insert(.cluster, cluster.clusterID, from: "", to: cluster.status.rawValue, at: cluster.createdAt, on: db)
            var stored = cluster
            stored.revision = 1
            return stored
        }
    }

    /// Reads one non-deleted cluster by its provider id.
    public func cluster(clusterID: String) async throws -> DataPlaneCluster? {
        try await reading { db in
            try await Self.selectClusters(db).where("cluster_id", .equal, clusterID).where(SoftDeleteSQL.notDeleted).limit(1).readers().first
                .map { row throws(StoreError) in try ClusterRow.decode(row) }
        }
    }

    /// Oldest first (`created_at`, then `id`).
    public func clusters(inStatuses statuses: Set<ClusterStatus>?) async throws -> [DataPlaneCluster] {
        if let statuses, statuses.isEmpty { return [] }
        return try await reading { db in
            var query = Self.selectClusters(db).where(SoftDeleteSQL.notDeleted)
            if let statuses {
                query = query.where(SQLQueryString("\(ident: "status") IN (\(binds: statuses.map(\.rawValue).sorted()))"))
            }
            return try await query.orderBy("created_at").orderBy("id").readers()
                .map { row throws(StoreError) in try ClusterRow.decode(row) }
        }
    }

    /// One conditional `UPDATE … RETURNING`, like `updateKafka` without limits.
    public func updateCluster(_ cluster: DataPlaneCluster, expecting expected: ClusterStatus) async throws -> WriteOutcome<DataPlaneCluster> {
        let fields = try ClusterRow.fields(of: cluster)
        return try await writing { db in
            var update = db.update(ClusterRow.table)
            for (column, value) in zip(ClusterRow.fieldColumns, fields) {
                update = update.set(SQLIdentifier(column), to: value)
            }
            let rows: [any SQLRow]
            do {
                rows = try await update.set(SQLIdentifier("revision"), to: SQLRaw("revision + 1"))
                    .where("id", .equal, cluster.id).where("status", .equal, expected.rawValue)
                    .where("revision", .equal, cluster.revision).where(SoftDeleteSQL.notDeleted)
                    .returning("revision").all()
            } catch let error where UniqueKey.violated(by: error) == .clusterID {
                throw StoreError(.duplicateCluster)
            }
            guard let row = rows.first else { return .conflict }
            if expected != cluster.status {
                try await StatusEventRow.insert(
                    .cluster, cluster.clusterID, from: expected.rawValue, to: cluster.status.rawValue, at: cluster.updatedAt, on: db)
            }
            var stored = cluster
            stored.revision = try RowReader(sql: row).int("revision")
            return .written(stored)
        }
    }

    /// Sets `deleted_at` (not `updated_at`, as the in-memory store) with the conditional-update checks.
    public func softDeleteCluster(_ cluster: DataPlaneCluster, expecting expected: ClusterStatus, at now: Date) async throws -> Bool {
        try await writing { db in
            let rows = try await db.update(ClusterRow.table)
                .set("deleted_at", to: now)
                .set(SQLIdentifier("revision"), to: SQLRaw("revision + 1"))
                .where("id", .equal, cluster.id).where("status", .equal, expected.rawValue)
                .where("revision", .equal, cluster.revision).where(SoftDeleteSQL.notDeleted)
                .returning("id").all()
            guard !rows.isEmpty else { return false }
            try await StatusEventRow.insert(.cluster, cluster.clusterID, from: expected.rawValue, to: "deleted", at: now, on: db)
            return true
        }
    }

    /// `SELECT <every cluster column> FROM clusters`.
    static func selectClusters(_ db: any SQLDatabase) -> SQLSelectBuilder {
        db.select().columns(ClusterRow.columns.map { SQLIdentifier($0) }).from(ClusterRow.table)
    }
}
