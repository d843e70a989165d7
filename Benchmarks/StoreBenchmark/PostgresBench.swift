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
        // The store's pool options (fixed size, no keep-alive), so that both sides pay the same pool costs.
        configuration.options.maximumConnections = 4
        configuration.options.minimumConnections = 4
        configuration.options.keepAliveBehavior = nil
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

    /// The store's statements straight on PostgresNIO: writes in a pooled transaction, rows decoded by hand.
    struct Raw: RawDriver {
        let client: PostgresClient
        let logger: Logger

        static let select = "SELECT * FROM kafka_requests"
        static let insert = "INSERT INTO kafka_requests (\(RawKafka.columnList)) VALUES ("
            + (1...RawKafka.columns.count).map { "$\($0)" }.joined(separator: ", ") + ")"
        static let update = "UPDATE kafka_requests SET "
            + RawKafka.columns.prefix(RawKafka.fieldCount).enumerated().map { "\"\($0.element)\" = $\($0.offset + 1)" }.joined(separator: ", ")
            + ", \"revision\" = revision + 1 WHERE \"id\" = $\(RawKafka.fieldCount + 1) AND \"status\" = $\(RawKafka.fieldCount + 2)"
            + " AND \"revision\" = $\(RawKafka.fieldCount + 3) AND \"deleted_at\" IS NULL RETURNING \"revision\""
        static func bind(_ values: some Sequence<KafkaColumn.Value>, into bindings: inout PostgresBindings) {
            for value in values {
                switch value {
                case let .text(text): bindings.append(text)
                case let .int(number): bindings.append(number)
                case let .bool(flag): bindings.append(flag)
                case let .date(date): bindings.append(date)
                case .null: bindings.appendNull()
                }
            }
        }

        func create(_ kafka: KafkaRequest) async throws {
            try await client.withTransaction(logger: logger) { connection in
                let taken = try await connection.query("""
                    SELECT 1 FROM kafka_requests WHERE organisation_id = \(kafka.organisationID) AND name = \(kafka.name) AND deleted_at IS NULL LIMIT 1
                    """, logger: logger).collect()
                guard taken.isEmpty else { throw RawError.badValue("name taken") }
                var bindings = PostgresBindings(capacity: RawKafka.columns.count)
                Self.bind(try RawKafka.values(of: kafka, revision: 1), into: &bindings)
                try await connection.query(PostgresQuery(unsafeSQL: Self.insert, binds: bindings), logger: logger)
                try await event(kafka.id, from: "", to: kafka.status.rawValue, at: kafka.createdAt, on: connection)
            }
        }

        /// The read by id prepared once per connection, as the store prepares it.
        struct ByID: PostgresPreparedStatement {
            static let name = "bench_raw_kafka_by_id"
            static let sql = "SELECT \(RawKafka.columnList) FROM kafka_requests WHERE id = $1 AND deleted_at IS NULL LIMIT 1"
            static let bindingDataTypes: [PostgresDataType] = [.text]
            let id: String

            func makeBindings() throws -> PostgresBindings {
                var bindings = PostgresBindings(capacity: 1)
                bindings.append(id)
                return bindings
            }

            func decodeRow(_ row: PostgresRow) throws -> KafkaRequest { try RawKafka.decode(Columns(row: row.makeRandomAccess())) }
        }

        func get(_ id: String) async throws -> KafkaRequest? {
            for try await kafka in try await client.execute(ByID(id: id), logger: logger) { return kafka }
            return nil
        }

        func update(_ kafka: KafkaRequest, expecting expected: KafkaStatus) async throws -> Bool {
            try await client.withTransaction(logger: logger) { connection in
                var bindings = PostgresBindings(capacity: RawKafka.fieldCount + 3)
                Self.bind(try RawKafka.values(of: kafka, revision: kafka.revision).prefix(RawKafka.fieldCount), into: &bindings)
                Self.bind([.text(kafka.id), .text(expected.rawValue), .int(kafka.revision)], into: &bindings)
                guard try await !connection.query(PostgresQuery(unsafeSQL: Self.update, binds: bindings), logger: logger).collect().isEmpty
                else { return false }
                try await event(kafka.id, from: expected.rawValue, to: kafka.status.rawValue, at: kafka.updatedAt, on: connection)
                return true
            }
        }

        func list(organisation: String, region: String) async throws -> (items: [KafkaRequest], total: Int) {
            let filter = "WHERE deleted_at IS NULL AND organisation_id = $1 AND region = $2"
            let rows = try await client.query(PostgresQuery(
                unsafeSQL: "\(Self.select) \(filter) ORDER BY name COLLATE \"C\", id COLLATE \"C\" LIMIT 100 OFFSET 0",
                binds: binds(organisation, region)), logger: logger).collect()
            let count = try await client.query(PostgresQuery(unsafeSQL: "SELECT COUNT(*) AS total FROM kafka_requests \(filter)",
                                                             binds: binds(organisation, region)), logger: logger).collect()
            let total = try count.first.map { try $0.makeRandomAccess()["total"].decode(Int.self) } ?? 0
            return (try rows.map { try RawKafka.decode(Columns(row: $0.makeRandomAccess())) }, total)
        }

        private func binds(_ texts: String...) -> PostgresBindings {
            var bindings = PostgresBindings(capacity: texts.count)
            for text in texts { bindings.append(text) }
            return bindings
        }

        private func event(_ id: String, from: String, to: String, at date: Date, on connection: PostgresConnection) async throws {
            try await connection.query("""
                INSERT INTO status_events (id, resource_kind, resource_id, from_status, to_status, reason, occurred_at)
                VALUES (\(ResourceID.make(now: date)), 'kafka', \(id), \(from), \(to), '', \(date))
                """, logger: logger)
        }
    }

    /// A PostgresNIO row read with PostgresNIO's own decoders.
    struct Columns: KafkaColumnReader {
        let row: PostgresRandomAccessRow

        private func cell(_ column: String) throws -> PostgresCell {
            guard row.contains(column) else { throw RawError.badValue(column) }
            return row[column]
        }

        func string(_ column: String) throws -> String { try cell(column).decode(String.self) }
        func int(_ column: String) throws -> Int { try cell(column).decode(Int.self) }
        func bool(_ column: String) throws -> Bool { try cell(column).decode(Bool.self) }
        func date(_ column: String) throws -> Date { try cell(column).decode(Date.self) }
        func optionalDate(_ column: String) throws -> Date? { try cell(column).decode(Date?.self) }

        func status(_ column: String) throws -> KafkaStatus {
            guard let status = KafkaStatus(rawValue: try string(column)) else { throw RawError.badValue(column) }
            return status
        }

        func routes(_ column: String) throws -> [KafkaRoute]? {
            guard let text = try cell(column).decode(String?.self) else { return nil }
            return try JSONDecoder().decode([KafkaRoute].self, from: Data(text.utf8))
        }
    }
}
