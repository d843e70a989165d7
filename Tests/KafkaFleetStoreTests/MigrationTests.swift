import Foundation
import KafkaFleetCore
@testable import KafkaFleetStore
import Testing

/// Schema migrations on the SQL backends.
@Suite("Migrations")
struct MigrationTests {
    @Test("migrating twice is a no-op that keeps the data", arguments: TestBackend.sql)
    func idempotent(backend: TestBackend) async throws {
        try await withSQLStore(backend, migrated: false) { store in
            // Given an empty database, migrated once with a kafka stored
            #expect(try await store.schemaVersion() == 0)
            try await store.migrate()
            let kafka = try #require(try await store.createKafka(makeKafka("kept"), limits: []).value)

            // When it is migrated again
            try await store.migrate()

            // Then the version is the newest and the kafka is still there
            #expect(try await store.schemaVersion() == Migrations.latestVersion)
            #expect(try await store.kafka(id: kafka.id) != nil)
        }
    }

    @Test("concurrent migrators take turns", arguments: TestBackend.sql)
    func concurrent(backend: TestBackend) async throws {
        try await withSQLStore(backend, migrated: false) { store in
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<4 { group.addTask { try await store.migrate() } }
                try await group.waitForAll()
            }
            #expect(try await store.schemaVersion() == Migrations.latestVersion)
        }
    }

    @Test("a database migrated by a newer release is refused with both versions", arguments: TestBackend.sql)
    func schemaTooNew(backend: TestBackend) async throws {
        try await withSQLStore(backend) { store in
            // Given a database a newer release migrated one step further
            let future = Migration(version: Migrations.latestVersion + 1, name: "from_the_future") { _ in [] }
            try await store.migrate(to: Migrations.all + [future], now: t0)

            // When this release migrates, Then it refuses, naming both versions
            let supported = Migrations.latestVersion
            await #expect(throws: StoreError(.schemaTooNew(found: supported + 1, supported: supported))) {
                try await store.migrate()
            }
            #expect(StoreError(.schemaTooNew(found: supported + 1, supported: supported)).description.contains("upgrade kafkafleetd"))
        }
    }

    @Test("the shipped migrations are numbered 1, 2, 3… without gaps")
    func numbering() {
        #expect(Migrations.all.map(\.version) == Array(1...Migrations.all.count))
        #expect(Set(Migrations.all.map(\.name)).count == Migrations.all.count)
    }
}
