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
                for pragma in ["busy_timeout = 5000", "synchronous = NORMAL", "foreign_keys = ON", "case_sensitive_like = ON"] {
                    try await raw.query("PRAGMA \(pragma)", [], { _ in })
                }
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

    /// The store's statements straight on SQLiteNIO: writes in a `BEGIN IMMEDIATE` transaction, rows decoded by hand.
    struct Raw: RawDriver {
        let connection: SQLiteConnection

        static let select = "SELECT * FROM kafka_requests"
        static let insert = "INSERT INTO kafka_requests (\(RawKafka.columnList)) VALUES (\(Array(repeating: "?", count: RawKafka.columns.count).joined(separator: ", ")))"
        static let update = "UPDATE kafka_requests SET "
            + RawKafka.columns.prefix(RawKafka.fieldCount).map { "\"\($0)\" = ?" }.joined(separator: ", ")
            + ", \"revision\" = revision + 1 WHERE \"id\" = ? AND \"status\" = ? AND \"revision\" = ? AND \"deleted_at\" IS NULL RETURNING \"revision\""
        static let event = """
            INSERT INTO status_events (id, resource_kind, resource_id, from_status, to_status, reason, occurred_at) VALUES (?, ?, ?, ?, ?, ?, ?)
            """

        static func data(_ value: KafkaColumn.Value) -> SQLiteData {
            switch value {
            case let .text(text): .text(text)
            case let .int(number): .integer(number)
            case let .bool(flag): .integer(flag ? 1 : 0)
            case let .date(date): .float(date.timeIntervalSince1970)
            case .null: .null
            }
        }

        func create(_ kafka: KafkaRequest) async throws {
            try await transaction {
                let taken = try await connection.query(
                    "SELECT 1 FROM kafka_requests WHERE organisation_id = ? AND name = ? AND deleted_at IS NULL LIMIT 1",
                    [.text(kafka.organisationID), .text(kafka.name)])
                guard taken.isEmpty else { throw RawError.badValue("name taken") }
                _ = try await connection.query(Self.insert, try RawKafka.values(of: kafka, revision: 1).map(Self.data))
                try await event(kafka.id, from: "", to: kafka.status.rawValue, at: kafka.createdAt)
            }
        }

        func get(_ id: String) async throws -> KafkaRequest? {
            try await connection.query("\(Self.select) WHERE id = ? AND deleted_at IS NULL LIMIT 1", [.text(id)])
                .first.map { try RawKafka.decode(Columns(row: $0)) }
        }

        func update(_ kafka: KafkaRequest, expecting expected: KafkaStatus) async throws -> Bool {
            try await transaction {
                var values = try RawKafka.values(of: kafka, revision: kafka.revision).prefix(RawKafka.fieldCount).map(Self.data)
                values += [.text(kafka.id), .text(expected.rawValue), .integer(kafka.revision)]
                guard try await !connection.query(Self.update, values).isEmpty else { return false }
                try await event(kafka.id, from: expected.rawValue, to: kafka.status.rawValue, at: kafka.updatedAt)
                return true
            }
        }

        func list(organisation: String, region: String) async throws -> (items: [KafkaRequest], total: Int) {
            let filter = "WHERE deleted_at IS NULL AND organisation_id = ? AND region = ?"
            let rows = try await connection.query("\(Self.select) \(filter) ORDER BY name, id LIMIT 100 OFFSET 0", [.text(organisation), .text(region)])
            let count = try await connection.query("SELECT COUNT(*) AS total FROM kafka_requests \(filter)", [.text(organisation), .text(region)])
            return (try rows.map { try RawKafka.decode(Columns(row: $0)) }, count.first?.column("total")?.integer ?? 0)
        }

        private func event(_ id: String, from: String, to: String, at date: Date) async throws {
            _ = try await connection.query(Self.event, [
                .text(ResourceID.make(now: date)), .text("kafka"), .text(id), .text(from), .text(to), .text(""), .float(date.timeIntervalSince1970),
            ])
        }

        private func transaction<R>(_ body: () async throws -> R) async throws -> R {
            _ = try await connection.query("BEGIN IMMEDIATE", [])
            do {
                let result = try await body()
                _ = try await connection.query("COMMIT", [])
                return result
            } catch {
                _ = try? await connection.query("ROLLBACK", [])
                throw error
            }
        }
    }

    /// A SQLiteNIO row read with SQLiteNIO's own conversions.
    struct Columns: KafkaColumnReader {
        let row: SQLiteRow

        private func data(_ column: String) throws -> SQLiteData {
            guard let data = row.column(column) else { throw RawError.badValue(column) }
            return data
        }

        func string(_ column: String) throws -> String {
            guard let value = String(sqliteData: try data(column)) else { throw RawError.badValue(column) }
            return value
        }

        func int(_ column: String) throws -> Int {
            guard let value = Int(sqliteData: try data(column)) else { throw RawError.badValue(column) }
            return value
        }

        func bool(_ column: String) throws -> Bool {
            guard let value = Bool(sqliteData: try data(column)) else { throw RawError.badValue(column) }
            return value
        }

        func date(_ column: String) throws -> Date {
            guard let value = Date(sqliteData: try data(column)) else { throw RawError.badValue(column) }
            return value
        }

        func optionalDate(_ column: String) throws -> Date? {
            try data(column) == .null ? nil : try date(column)
        }

        func status(_ column: String) throws -> KafkaStatus {
            guard let status = KafkaStatus(rawValue: try string(column)) else { throw RawError.badValue(column) }
            return status
        }

        func routes(_ column: String) throws -> [KafkaRoute]? {
            try data(column) == .null ? nil : try JSONDecoder().decode([KafkaRoute].self, from: Data(try string(column).utf8))
        }
    }
}
