import Foundation
import KafkaFleetCore
import KafkaFleetLocal
import KafkaFleetStore
import Synchronization
import Testing

/// The stores the reconciler tests run on: the in-memory twin and the SQL store on a fresh SQLite file.
enum FleetBackend: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case memory
    case sqlite

    var testDescription: String { rawValue }

    /// SQLite stores stay open until the test process ends: sqlite-nio requires a close before a connection is
    /// released, and a test that stops at a failed `#require` would otherwise crash the whole run.
    private static let openStores = Mutex<[SQLFleetStore]>([])

    /// A new, empty, migrated store.
    func makeStore() async throws -> any FleetStore {
        switch self {
        case .memory:
            return InMemoryFleetStore()
        case .sqlite:
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("kafkafleet-core-\(UUID().uuidString).sqlite").path
            let store = try await SQLFleetStore.sqlite(path: path)
            try await store.migrate()
            Self.openStores.withLock { $0.append(store) }
            return store
        }
    }
}
