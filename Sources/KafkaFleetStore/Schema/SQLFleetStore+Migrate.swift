public import Foundation
public import KafkaFleetCore
import SQLKit

extension SQLFleetStore {
    /// Brings the schema to the newest version this release knows, running the missing migrations in
    /// order in one transaction. Running it again is a no-op; concurrent replicas take turns (an advisory
    /// lock on PostgreSQL, the single writer on SQLite).
    ///
    /// - Throws: `StoreError(.schemaTooNew)` when a newer release migrated the database further than this one knows.
    public func migrate(now: Date = Date()) async throws(StoreError) {
        try await migrate(to: Migrations.all, now: now)
    }

    /// The schema version recorded in the database; 0 before the first migration.
    public func schemaVersion() async throws(StoreError) -> Int {
        let flavour = backend.flavour
        let schema = backend.schema
        return try await writing(lock: .migration, timeout: Self.migrationTimeout) { db in
            try await Self.createHistoryTable(db, flavour, schema: schema)
            return try await Self.appliedVersions(db).max() ?? 0
        }
    }

    /// Runs `migrations` (a prefix of the shipped ones, or more in tests) as `migrate()` does.
    func migrate(to migrations: [Migration], now: Date) async throws(StoreError) {
        let flavour = backend.flavour
        let supported = migrations.last?.version ?? 0
        let schema = backend.schema
        try await writing(lock: .migration, timeout: Self.migrationTimeout) { db in
            try await Self.createHistoryTable(db, flavour, schema: schema)
            let applied = try await Self.appliedVersions(db)
            if let found = applied.max(), found > supported {
                throw StoreError(.schemaTooNew(found: found, supported: supported))
            }
            for migration in migrations where !applied.contains(migration.version) {
                for statement in migration.statements(flavour) {
                    try await db.raw(SQLQueryString(statement)).run()
                }
                try await db.insert(into: Migrations.historyTable)
                    .columns("version", "name", "applied_at")
                    .values(SQLBind(migration.version), SQLBind(migration.name), SQLBind(now))
                    .run()
            }
        }
    }

    /// Creates the configured schema (PostgreSQL) and the history table, when missing.
    private static func createHistoryTable(_ db: any SQLDatabase, _ flavour: SQLFlavour, schema: String?) async throws {
        if let schema {
            try await db.raw("CREATE SCHEMA IF NOT EXISTS \(ident: schema)").run()
        }
        try await db.raw("""
            CREATE TABLE IF NOT EXISTS \(ident: Migrations.historyTable) (
                version BIGINT PRIMARY KEY,
                name TEXT NOT NULL,
                applied_at \(unsafeRaw: flavour.timestampType) NOT NULL
            )
            """).run()
    }

    private static func appliedVersions(_ db: any SQLDatabase) async throws -> Set<Int> {
        Set(try await db.select().column("version").from(Migrations.historyTable).all(decodingColumn: "version", as: Int.self))
    }
}
