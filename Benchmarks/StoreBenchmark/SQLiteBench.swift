import Foundation
import KafkaFleetCore
import KafkaFleetStore
import Logging
import SQLiteKit

/// The SQLite half: a fresh file per size, seeded in one statement, the raw side on its own connection.
enum SQLiteBench {
    static func run(rows: Int, ops: Int, logger: Logger) async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("kafkafleet-bench-\(UUID().uuidString).sqlite").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        let store = try await SQLFleetStore.sqlite(path: path, logger: logger)
        try await store.withRunning { store in
            try await store.migrate()
            let raw = try await SQLiteConnection.open(storage: .file(path: path), logger: logger)
            do {
                for pragma in ["busy_timeout = 5000", "synchronous = NORMAL"] { try await raw.query("PRAGMA \(pragma)", [], { _ in }) }
                try await raw.query("""
                    INSERT INTO kafka_requests (id, name, status, owner, organisation_id, cloud_provider, region, instance_type,
                        size_id, created_at, updated_at, status_changed_at, revision)
                    WITH RECURSIVE s(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM s WHERE i < \(rows - 1))
                    SELECT 'b' || printf('%019d', i), 'kafka-' || i, 'accepted', 'owner-' || (i % 1000), 'org-' || (i % 100), 'aws',
                        CASE i % 4 WHEN 0 THEN 'us-east-1' WHEN 1 THEN 'eu-west-1' WHEN 2 THEN 'ap-south-1' ELSE 'us-west-2' END,
                        'standard', 'x1', \(Seed.base) + i, \(Seed.base) + i, \(Seed.base) + i, 0 FROM s
                    """, [], { _ in })
                try await measureAll(engine: "SQLite", rows: rows, ops: ops, store: store, raw: Raw(connection: raw))
                try await raw.close()
            } catch {
                try? await raw.close()
                throw error
            }
        }
    }

    /// The same statements straight on SQLiteNIO, one autocommit statement each.
    struct Raw: RawDriver {
        let connection: SQLiteConnection

        func create(_ kafka: KafkaRequest) async throws {
            let now = SQLiteData.float(kafka.createdAt.timeIntervalSince1970)
            try await connection.query("""
                INSERT INTO kafka_requests (id, name, status, owner, organisation_id, cloud_provider, region, instance_type,
                    size_id, created_at, updated_at, status_changed_at, revision) VALUES (?, ?, 'accepted', ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)
                """, [.text(kafka.id), .text(kafka.name), .text(kafka.owner), .text(kafka.organisationID), .text(kafka.cloudProvider),
                      .text(kafka.region), .text(kafka.instanceType), .text(kafka.sizeID), now, now, now], { _ in })
        }

        func get(_ id: String) async throws {
            try await connection.query("SELECT * FROM kafka_requests WHERE id = ? AND deleted_at IS NULL", [.text(id)], { _ in })
        }

        func move(_ id: String, revision: Int) async throws {
            try await connection.query("""
                UPDATE kafka_requests SET status = 'preparing', updated_at = ?, revision = revision + 1
                WHERE id = ? AND status = 'accepted' AND revision = ? AND deleted_at IS NULL RETURNING revision
                """, [.float(Date().timeIntervalSince1970), .text(id), .integer(revision)], { _ in })
        }

        func list(organisation: String, region: String) async throws {
            try await connection.query("""
                SELECT * FROM kafka_requests WHERE deleted_at IS NULL AND organisation_id = ? AND region = ?
                ORDER BY name, id LIMIT 100 OFFSET 0
                """, [.text(organisation), .text(region)], { _ in })
            try await connection.query(
                "SELECT COUNT(*) FROM kafka_requests WHERE deleted_at IS NULL AND organisation_id = ? AND region = ?",
                [.text(organisation), .text(region)], { _ in })
        }
    }
}
