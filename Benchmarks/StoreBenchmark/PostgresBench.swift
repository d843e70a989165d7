import Foundation
import KafkaFleetCore
import KafkaFleetStore
import Logging
import PostgresKit

/// The PostgreSQL half: a fresh schema per size, seeded in one statement, the raw side on its own client.
enum PostgresBench {
    static func run(url: String, rows: Int, ops: Int, logger: Logger) async throws {
        let schema = "bench_\(UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased())"
        let store = try SQLFleetStore.postgres(url: url, schema: schema, maximumConnections: 4, logger: logger)
        guard let components = URLComponents(string: url), let host = components.host else { throw StoreError(.unavailable, "bad URL") }
        var configuration = PostgresClient.Configuration(
            host: host, port: components.port ?? 5432, username: components.user ?? "postgres", password: components.password,
            database: String(components.path.dropFirst()), tls: .disable)
        configuration.options.additionalStartupParameters = [("search_path", schema)]
        let client = PostgresClient(configuration: configuration, backgroundLogger: logger)
        try await store.withRunning { store in
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { await client.run() }
                defer { group.cancelAll() }
                try await store.migrate()
                try await client.query("""
                    INSERT INTO kafka_requests (id, name, status, owner, organisation_id, cloud_provider, region, instance_type,
                        size_id, created_at, updated_at, status_changed_at, revision)
                    SELECT 'b' || lpad(i::text, 19, '0'), 'kafka-' || i, 'accepted', 'owner-' || (i % 1000), 'org-' || (i % 100), 'aws',
                        (ARRAY['us-east-1', 'eu-west-1', 'ap-south-1', 'us-west-2'])[i % 4 + 1], 'standard', 'x1',
                        to_timestamp(\(Seed.base) + i), to_timestamp(\(Seed.base) + i), to_timestamp(\(Seed.base) + i), 0
                    FROM generate_series(0, \(rows - 1)) AS i
                    """, logger: logger)
                try await client.query("ANALYZE kafka_requests", logger: logger)
                try await measureAll(engine: "PostgreSQL", rows: rows, ops: ops, store: store, raw: Raw(client: client, logger: logger))
                try await client.query(PostgresQuery(unsafeSQL: "DROP SCHEMA \(schema) CASCADE"), logger: logger)
            }
        }
    }

    /// The same statements straight on PostgresNIO, one pooled autocommit statement each.
    struct Raw: RawDriver {
        let client: PostgresClient
        let logger: Logger

        func create(_ kafka: KafkaRequest) async throws {
            try await client.query("""
                INSERT INTO kafka_requests (id, name, status, owner, organisation_id, cloud_provider, region, instance_type,
                    size_id, created_at, updated_at, status_changed_at, revision) VALUES (\(kafka.id), \(kafka.name), 'accepted',
                    \(kafka.owner), \(kafka.organisationID), \(kafka.cloudProvider), \(kafka.region), \(kafka.instanceType),
                    \(kafka.sizeID), \(kafka.createdAt), \(kafka.createdAt), \(kafka.createdAt), 1)
                """, logger: logger)
        }

        func get(_ id: String) async throws {
            for try await _ in try await client.query("SELECT * FROM kafka_requests WHERE id = \(id) AND deleted_at IS NULL", logger: logger) {}
        }

        func move(_ id: String, revision: Int) async throws {
            for try await _ in try await client.query("""
                UPDATE kafka_requests SET status = 'preparing', updated_at = \(Date()), revision = revision + 1
                WHERE id = \(id) AND status = 'accepted' AND revision = \(revision) AND deleted_at IS NULL RETURNING revision
                """, logger: logger) {}
        }

        func list(organisation: String, region: String) async throws {
            for try await _ in try await client.query("""
                SELECT * FROM kafka_requests WHERE deleted_at IS NULL AND organisation_id = \(organisation) AND region = \(region)
                ORDER BY name COLLATE "C", id COLLATE "C" LIMIT 100 OFFSET 0
                """, logger: logger) {}
            for try await _ in try await client.query("""
                SELECT COUNT(*) FROM kafka_requests WHERE deleted_at IS NULL AND organisation_id = \(organisation) AND region = \(region)
                """, logger: logger) {}
        }
    }
}
