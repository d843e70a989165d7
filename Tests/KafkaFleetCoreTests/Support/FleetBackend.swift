import Foundation
import KafkaFleetCore
import KafkaFleetStore
import KafkaFleetTesting
import Testing

/// The stores the reconciler tests run on: the in-memory twin and the SQL store on a fresh SQLite file.
enum FleetBackend: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case memory
    case sqlite

    var testDescription: String { rawValue }

    /// A new, empty, migrated store.
    func makeStore() async throws -> any FleetStore {
        switch self {
        case .memory:
            return InMemoryFleetStore()
        case .sqlite:
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("kafkafleet-core-\(UUID().uuidString).sqlite").path
            let store = try await SQLFleetStore.sqlite(path: path)
            try await store.migrate()
            return store
        }
    }
}
