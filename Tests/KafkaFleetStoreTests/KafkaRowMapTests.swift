import Foundation
import KafkaFleetCore
import KafkaFleetTesting
@testable import KafkaFleetStore
import Testing

/// The row map of `kafka_requests` against `KafkaRequest`: every stored property has exactly one column, and every
/// column reads back what it wrote on every backend.
@Suite("Kafka row map")
struct KafkaRowMapTests {
    @Test("every stored property of KafkaRequest has a column, and no column stores a property another one stores")
    func everyPropertyHasOneColumn() {
        // Given a kafka and, for each column, the properties that change when only that column's field changes
        let kafka = makeKafka("map")
        let before = StoredProperties.of(kafka)
        let changedByColumn = KafkaRow.columns.map { column in
            (column.name, StoredProperties.changed(before, StoredProperties.of(column.changing(kafka))))
        }

        // Then each column stores one property, no two the same, and together they are all of them
        for (name, changed) in changedByColumn {
            #expect(changed.count == 1, "column \(name) changes \(changed.sorted())")
        }
        let stored = changedByColumn.flatMap(\.1)
        #expect(stored.count == Set(stored).count, "properties stored twice: \(stored.sorted())")
        let missing = Set(before.keys).subtracting(stored)
        #expect(missing.isEmpty, "properties of KafkaRequest without a column: \(missing.sorted())")
    }

    @Test("no column name is listed twice")
    func uniqueNames() {
        let names = KafkaRow.columns.map(\.name)
        #expect(names.count == Set(names).count)
    }

    @Test("a kafka whose every column differs from a fresh one reads back as written", arguments: TestBackend.all)
    func everyColumnRoundTrips(backend: TestBackend) async throws {
        try await withStore(backend) { store in
            // Given a kafka with every field the store writes changed (a live row: `deleted_at` stays NULL)
            var kafka = makeKafka("every-column")
            for column in KafkaRow.fields where column.name != "deleted_at" { kafka = column.changing(kafka) }

            // When it is created and read back
            _ = try await store.createKafka(kafka, limits: [])
            let read = try #require(try await store.kafka(id: kafka.id))

            // Then it is the kafka as written, at the store's first revision
            var expected = kafka
            expected.revision = 1
            #expect(read.normalised == expected.normalised)
        }
    }
}

extension KafkaColumn {
    /// `kafka` with this column's field, and nothing else, set to another value the store can hold.
    func changing(_ kafka: KafkaRequest) -> KafkaRequest {
        var changed = kafka
        switch field {
        case let .text(path): changed[keyPath: path] += "-changed"
        case let .int(path): changed[keyPath: path] += 1
        case let .bool(path): changed[keyPath: path].toggle()
        case let .date(path): changed[keyPath: path] = kafka[keyPath: path].addingTimeInterval(60)
        case let .optionalDate(path): changed[keyPath: path] = kafka[keyPath: path] == nil ? at(120) : nil
        case let .status(path): changed[keyPath: path] = kafka[keyPath: path] == .failed ? .ready : .failed
        case let .routes(path):
            changed[keyPath: path] = (kafka[keyPath: path] ?? []) + [KafkaRoute(domain: "admin-api.example.com", router: "router.example.com")]
        }
        return changed
    }
}
