public import Foundation
public import KafkaFleetCore
import SQLKit

extension SQLFleetStore {
    /// Checks the name, then the limits, runs `admit`, checks its limits, then inserts the row at revision 1 and its
    /// creation event, in one transaction under the admission lock.
    public func createKafka(_ kafka: KafkaRequest, limits: [AdmissionLimit],
                            admit: @escaping @Sendable (KafkaRequest) async throws -> Admission) async throws -> WriteOutcome<KafkaRequest> {
        let step = try await writing(lock: .admission) { db -> AdmissionStep in
            // Same order of checks as the in-memory store: the name first, then the limits.
            let taken = try await db.select().column(SQLLiteral.numeric("1")).from(KafkaRow.table)
                .where("organisation_id", .equal, kafka.organisationID).where("name", .equal, kafka.name)
                .where(SoftDeleteSQL.notDeleted).limit(1).first()
            if taken != nil { throw StoreError(.duplicateKafkaName) }
            if let broken = try await Self.brokenLimit(limits, writing: kafka, on: db) { return .done(.refused(broken)) }
            let admission: Admission
            do {
                admission = try await admit(kafka)
            } catch {
                // Nothing is written yet: the transaction commits empty, and the refusal goes to the caller as it is.
                return .notAdmitted(error)
            }
            let admitted = admission.kafka
            if let broken = try await Self.brokenLimit(admission.limits, writing: admitted, on: db) { return .done(.refused(broken)) }
            do {
                _ = try await db.rows(KafkaRow.insert, binds: try KafkaRow.values(of: admitted) + [admitted.id, 1])
            } catch let error where UniqueKey.violated(by: error) == .kafkaName {
                // Another writer inserted the name after our check.
                throw StoreError(.duplicateKafkaName)
            }
            try await StatusEventRow.insert(.kafka, admitted.id, from: "", to: admitted.status.rawValue, at: admitted.createdAt, on: db)
            var stored = admitted
            stored.revision = 1
            return .done(.written(stored))
        }
        switch step {
        case let .done(outcome): return outcome
        case let .notAdmitted(error): throw error
        }
    }

    /// Reads one non-deleted row by primary key.
    public func kafka(id: String) async throws -> KafkaRequest? {
        try await reading { db in
            try await db.rows(KafkaRow.byID, binds: [id], onPostgres: PostgresKafkaByID(id: id)).first
                .map { row throws(StoreError) in try KafkaRow.decode(row) }
        }
    }

    /// One statement for the page and one for the total, both with the organisation filter and the rendered search.
    public func listKafkas(_ query: KafkaListQuery) async throws -> KafkaPage {
        var predicates: [any SQLExpression] = [SoftDeleteSQL.notDeleted]
        if let organisationID = query.organisationID {
            predicates.append(SQLBinaryExpression(SQLIdentifier("organisation_id"), .equal, SQLBind(organisationID)))
        }
        if let search = query.search {
            predicates.append(SearchSQL.condition(search, backend.flavour))
        }
        let ordering = OrderingSQL.terms(query.ordering, backend.flavour)
        return try await reading { [predicates] db in
            var page = Self.selectKafkas(db)
            var count = db.select().column(SQLRaw("COUNT(*)"), as: "total").from(KafkaRow.table)
            for predicate in predicates {
                page = page.where(predicate)
                count = count.where(predicate)
            }
            for term in ordering { page = page.orderBy(term) }
            let rows = try await page.limit(max(0, query.size)).offset(query.offset).readers()
            let total = try await count.first().map { row throws(StoreError) in try RowReader(sql: row).int("total") } ?? 0
            return KafkaPage(items: try rows.map { row throws(StoreError) in try KafkaRow.decode(row) }, total: total)
        }
    }

    /// Least recently updated first (`updated_at`, then `id`).
    public func kafkas(inStatuses statuses: Set<KafkaStatus>, limit: Int) async throws -> [KafkaRequest] {
        guard !statuses.isEmpty, limit > 0 else { return [] }
        return try await reading { db in
            try await Self.selectKafkas(db)
                .where(SQLQueryString("\(ident: "status") IN (\(binds: statuses.map(\.rawValue).sorted()))"))
                .where(SoftDeleteSQL.notDeleted)
                .orderBy("updated_at").orderBy("id").limit(limit)
                .readers().map { row throws(StoreError) in try KafkaRow.decode(row) }
        }
    }

    /// Oldest first (`created_at`, then `id`).
    public func kafkas(onCluster clusterID: String, inStatuses statuses: Set<KafkaStatus>) async throws -> [KafkaRequest] {
        guard !statuses.isEmpty else { return [] }
        return try await reading { db in
            try await Self.selectKafkas(db)
                .where("cluster_id", .equal, clusterID)
                .where(SQLQueryString("\(ident: "status") IN (\(binds: statuses.map(\.rawValue).sorted()))"))
                .where(SoftDeleteSQL.notDeleted)
                .orderBy("created_at").orderBy("id")
                .readers().map { row throws(StoreError) in try KafkaRow.decode(row) }
        }
    }

    /// One `GROUP BY status` over the non-deleted rows.
    public func countKafkasByStatus() async throws -> [KafkaStatus: Int] {
        try await reading { db in
            let rows = try await db.select().column("status").column(SQLRaw("COUNT(*)"), as: "n").from(KafkaRow.table)
                .where(SoftDeleteSQL.notDeleted).groupBy("status").all()
            var counts: [KafkaStatus: Int] = [:]
            for row in rows {
                let r = RowReader(sql: row)
                counts[try r.enumValue("status", as: KafkaStatus.self)] = try r.int("n")
            }
            return counts
        }
    }

    /// One aggregate over the rows matching the filter.
    public func sumKafkas(_ filter: KafkaFilter, measure: AdmissionMeasure) async throws -> Int {
        try await reading { db in try await Self.sum(filter, measure: measure, excluding: nil, on: db) }
    }

    /// One conditional `UPDATE … RETURNING` on id, expected status, revision and `deleted_at IS NULL`; with limits, the
    /// staleness check and the limits run first under the admission lock. A status change records its event in the same transaction.
    public func updateKafka(_ kafka: KafkaRequest, expecting expected: KafkaStatus, limits: [AdmissionLimit]) async throws -> WriteOutcome<KafkaRequest> {
        let binds = try KafkaRow.values(of: kafka) + [kafka.id, expected.rawValue, kafka.revision]
        return try await writing(lock: limits.isEmpty ? nil : .admission) { db in
            if !limits.isEmpty {
                // A stale write is a conflict even when it would also break a limit, as in the in-memory store.
                let current = try await db.select().column("id").from(KafkaRow.table)
                    .where("id", .equal, kafka.id).where("status", .equal, expected.rawValue)
                    .where("revision", .equal, kafka.revision).where(SoftDeleteSQL.notDeleted).first()
                guard current != nil else { return .conflict }
                if let broken = try await Self.brokenLimit(limits, writing: kafka, on: db) { return .refused(broken) }
            }
            let rows: [RowReader]
            do {
                rows = try await db.rows(KafkaRow.update, binds: binds)
            } catch let error where UniqueKey.violated(by: error) == .kafkaName {
                throw StoreError(.duplicateKafkaName)
            }
            guard let row = rows.first else { return .conflict }
            if expected != kafka.status {
                try await StatusEventRow.insert(
                    .kafka, kafka.id, from: expected.rawValue, to: kafka.status.rawValue,
                    reason: kafka.status == .failed ? kafka.failedReason : "", at: kafka.updatedAt, on: db)
            }
            var stored = kafka
            stored.revision = try row.int("revision")
            return .written(stored)
        }
    }

    /// Sets `deleted_at` with the same conditions as `updateKafka` and records the move to `deleted`.
    public func softDeleteKafka(_ kafka: KafkaRequest, expecting expected: KafkaStatus, at now: Date) async throws -> Bool {
        try await writing { db in
            let rows = try await db.update(KafkaRow.table)
                .set("deleted_at", to: now).set("updated_at", to: now)
                .set(SQLIdentifier("revision"), to: SQLRaw("revision + 1"))
                .where("id", .equal, kafka.id).where("status", .equal, expected.rawValue)
                .where("revision", .equal, kafka.revision).where(SoftDeleteSQL.notDeleted)
                .returning("id").all()
            guard !rows.isEmpty else { return false }
            try await StatusEventRow.insert(.kafka, kafka.id, from: expected.rawValue, to: "deleted", at: now, on: db)
            return true
        }
    }

    /// `SELECT * FROM kafka_requests` (see `KafkaRow.byID` for why not the column list).
    static func selectKafkas(_ db: any SQLDatabase) -> SQLSelectBuilder {
        db.select().column(SQLLiteral.all).from(KafkaRow.table)
    }

    /// The weight by `measure` of the non-deleted kafkas matching `filter`, leaving out the row `excluding`.
    static func sum(_ filter: KafkaFilter, measure: AdmissionMeasure, excluding id: String?, on db: any SQLDatabase) async throws -> Int {
        var query = db.select().column(KafkaFilterSQL.total(measure), as: "total").from(KafkaRow.table)
        for predicate in KafkaFilterSQL.predicates(filter) { query = query.where(predicate) }
        if let id { query = query.where("id", .notEqual, id) }
        guard let row = try await query.first() else { return 0 }
        return try RowReader(sql: row).int("total")
    }

    /// The first limit that writing `kafka` would break, given the stored rows (an older copy of it excluded),
    /// with `AdmissionLimit.isBroken`'s arithmetic. Runs inside the admission-locked transaction.
    static func brokenLimit(_ limits: [AdmissionLimit], writing kafka: KafkaRequest, on db: any SQLDatabase) async throws -> AdmissionLimit? {
        for limit in limits where limit.filter.matches(kafka) {
            let used = try await sum(limit.filter, measure: limit.measure, excluding: kafka.id, on: db)
            if used + limit.measure.weight(of: kafka) > limit.maximum { return limit }
        }
        return nil
    }
}

/// How a create's transaction ended: with its outcome, or refused by its admission step (whose error must reach the
/// caller unwrapped, not as a store error).
private enum AdmissionStep: Sendable {
    case done(WriteOutcome<KafkaRequest>)
    case notAdmitted(any Error)
}
