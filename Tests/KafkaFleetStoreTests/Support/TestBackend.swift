import Foundation
import KafkaFleetCore
import KafkaFleetLocal
@testable import KafkaFleetStore
import Testing

/// The stores the conformance suite runs against. PostgreSQL joins when `KAFKAFLEET_TEST_DATABASE_URL`
/// names a database; each case then gets its own schema.
enum TestBackend: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case inMemory = "in-memory"
    case sqlite
    case postgres

    var testDescription: String { rawValue }

    /// `KAFKAFLEET_TEST_DATABASE_URL`, the PostgreSQL database tests may use.
    static let postgresURL = ProcessInfo.processInfo.environment["KAFKAFLEET_TEST_DATABASE_URL"].flatMap { $0.isEmpty ? nil : $0 }

    /// Every backend this run can test.
    static let all: [TestBackend] = postgresURL == nil ? [.inMemory, .sqlite] : [.inMemory, .sqlite, .postgres]

    /// The SQL backends this run can test.
    static let sql: [TestBackend] = all.filter { $0 != .inMemory }
}

/// Runs `body` with a fresh, empty store of `backend`, and removes it afterwards.
func withStore<R: Sendable>(
    _ backend: TestBackend, connections: Int = 8, _ body: (any FleetStore) async throws -> R
) async throws -> R {
    switch backend {
    case .inMemory:
        return try await body(InMemoryFleetStore())
    case .sqlite:
        return try await withSQLStore(.sqlite, connections: connections) { try await body($0) }
    case .postgres:
        return try await withSQLStore(.postgres, connections: connections) { try await body($0) }
    }
}

/// Runs `body` with a fresh, migrated SQL store of `backend` (`.sqlite` or `.postgres`). A PostgreSQL case
/// enters `PostgresGate` unless `gated` is false (for a caller that holds the gate exclusively).
func withSQLStore<R: Sendable>(
    _ backend: TestBackend, connections: Int = 8, migrated: Bool = true, gated: Bool = true,
    operationTimeout: Duration = SQLFleetStore.defaultOperationTimeout,
    _ body: (SQLFleetStore) async throws -> R
) async throws -> R {
    switch backend {
    case .inMemory:
        Issue.record("the in-memory store is no SQL store")
        throw CancellationError()
    case .sqlite:
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("kafkafleet-\(UUID().uuidString).sqlite").path
        defer {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        }
        let store = try await SQLFleetStore.sqlite(path: path, operationTimeout: operationTimeout)
        return try await store.withRunning { store in
            if migrated { try await store.migrate() }
            return try await body(store)
        }
    case .postgres:
        let url = try #require(TestBackend.postgresURL, "KAFKAFLEET_TEST_DATABASE_URL is unset")
        let schema = "test_\(UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased())"
        if gated { await PostgresGate.shared.enter() }
        do {
            let store = try SQLFleetStore.postgres(url: url, schema: schema, maximumConnections: connections,
                                                   operationTimeout: operationTimeout)
            let result = try await store.withRunning { store in
                do {
                    if migrated { try await store.migrate() }
                    let result = try await body(store)
                    try await store.dropSchema(schema)
                    return result
                } catch {
                    try? await store.dropSchema(schema)
                    throw error
                }
            }
            if gated { await PostgresGate.shared.leave() }
            return result
        } catch {
            if gated { await PostgresGate.shared.leave() }
            throw error
        }
    }
}

extension SQLFleetStore {
    /// Removes a test case's schema and everything in it.
    func dropSchema(_ schema: String) async throws {
        try await writing { db in try await db.raw("DROP SCHEMA IF EXISTS \(ident: schema) CASCADE").run() }
    }
}

/// Keeps PostgreSQL cases and the server-restart test apart: cases share the server, the restart test
/// waits until none runs and holds new ones back until the server is back.
actor PostgresGate {
    static let shared = PostgresGate()

    private var users = 0
    private var restarting = false
    private var waiters: [CheckedContinuation<Void, Never>] = []

    func enter() async {
        while restarting { await wait() }
        users += 1
    }

    func leave() {
        users -= 1
        wakeAll()
    }

    func beginExclusive() async {
        while restarting || users > 0 { await wait() }
        restarting = true
    }

    func endExclusive() {
        restarting = false
        wakeAll()
    }

    private func wait() async {
        await withCheckedContinuation { waiters.append($0) }
    }

    private func wakeAll() {
        let woken = waiters
        waiters = []
        for waiter in woken { waiter.resume() }
    }
}
