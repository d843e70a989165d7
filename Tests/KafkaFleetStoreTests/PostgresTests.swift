import Foundation
#if canImport(Glibc)
import Glibc
#endif
import KafkaFleetCore
import KafkaFleetStore
import Synchronization
import Testing

/// What only PostgreSQL does: several replicas, a server that restarts, LISTEN/NOTIFY.
@Suite("PostgreSQL")
struct PostgresTests {
    /// `KAFKAFLEET_TEST_PG_RESTART`: a shell command that restarts the test server.
    static let restartCommand = ProcessInfo.processInfo.environment["KAFKAFLEET_TEST_PG_RESTART"].flatMap { $0.isEmpty ? nil : $0 }

    @Test(
        "PostgreSQL cases run (set KAFKAFLEET_TEST_DATABASE_URL to run them): a kafka one replica writes, another reads",
        .enabled(if: TestBackend.postgresURL != nil, "KAFKAFLEET_TEST_DATABASE_URL is unset: every PostgreSQL case is skipped"))
    func configured() async throws {
        let url = try #require(TestBackend.postgresURL)
        await PostgresGate.shared.enter()
        do {
            try await Self.shareOneDatabase(url: url)
            await PostgresGate.shared.leave()
        } catch {
            await PostgresGate.shared.leave()
            throw error
        }
    }

    /// Two stores on one fresh schema, as two replicas: what the first writes, the second reads from the server.
    private static func shareOneDatabase(url: String) async throws {
        let schema = "test_\(UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased())"
        let first = try SQLFleetStore.postgres(url: url, schema: schema, maximumConnections: 2)
        let second = try SQLFleetStore.postgres(url: url, schema: schema, maximumConnections: 2)
        try await first.withRunning { first in
            try await second.withRunning { second in
                do {
                    try await first.ping()
                    try await first.migrate()
                    let written = try #require(try await first.createKafka(makeKafka("shared"), limits: []).value)
                    let read = try #require(try await second.kafka(id: written.id))
                    #expect(read.normalised == written.normalised)
                    try await first.dropSchema(schema)
                } catch {
                    try? await first.dropSchema(schema)
                    throw error
                }
            }
        }
    }

    @Test("PostgreSQL is configured when the run requires it (KAFKAFLEET_TEST_REQUIRE_POSTGRES)")
    func requiredWhenAsked() {
        let required = ProcessInfo.processInfo.environment["KAFKAFLEET_TEST_REQUIRE_POSTGRES"].map { !$0.isEmpty && $0 != "0" } ?? false
        if required {
            #expect(TestBackend.postgresURL != nil, "KAFKAFLEET_TEST_REQUIRE_POSTGRES is set but KAFKAFLEET_TEST_DATABASE_URL is not")
        }
    }

    @Test(
        "after the server restarts the next calls succeed",
        .enabled(if: TestBackend.postgresURL != nil && restartCommand != nil, "needs KAFKAFLEET_TEST_DATABASE_URL and KAFKAFLEET_TEST_PG_RESTART"))
    func serverRestart() async throws {
        let command = try #require(Self.restartCommand)
        // No other PostgreSQL case runs while the server restarts.
        await PostgresGate.shared.beginExclusive()
        do {
            try await Self.restart(command)
            await PostgresGate.shared.endExclusive()
        } catch {
            await PostgresGate.shared.endExclusive()
            throw error
        }
    }

    private static func restart(_ command: String) async throws {
        try await withSQLStore(.postgres, gated: false) { store in
            // Given a store that has served a call
            let kafka = try #require(try await store.createKafka(makeKafka("survivor"), limits: []).value)

            // When the server restarts
            #expect(await Self.run(command) == 0)

            // Then reads and writes succeed again once the pool has reconnected
            let recovered = await eventually(timeout: .seconds(30)) {
                (try? await store.kafka(id: kafka.id)) != nil
            }
            #expect(recovered)
            #expect(try await store.createKafka(makeKafka("after-restart"), limits: []).value != nil)
        }
    }

    @Test(
        "a change published by one replica reaches the other's subscribers, and its own once",
        .enabled(if: TestBackend.postgresURL != nil, "KAFKAFLEET_TEST_DATABASE_URL is unset"))
    func changeFeed() async throws {
        let url = try #require(TestBackend.postgresURL)
        await PostgresGate.shared.enter()
        do {
            try await Self.exchangeChanges(url: url)
            await PostgresGate.shared.leave()
        } catch {
            await PostgresGate.shared.leave()
            throw error
        }
    }

    private static func exchangeChanges(url: String) async throws {
        let sender = try PostgresChangeFeed(url: url)
        let receiver = try PostgresChangeFeed(url: url)
        let change = FleetChange.kafka(.preparing)
        let sentinel = FleetChange.cluster(.ready)
        let seenByReceiver = SeenChanges()
        let seenBySender = SeenChanges()
        await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await sender.run() }
            group.addTask { try await receiver.run() }
            defer { group.cancelAll() }
            // Given a subscriber on each replica
            let receiverStream = receiver.subscribe()
            let senderStream = sender.subscribe()
            group.addTask { for await seen in receiverStream { seenByReceiver.append(seen) } }
            group.addTask { for await seen in senderStream { seenBySender.append(seen) } }

            // When the sender publishes (again, until the receiver's LISTEN is up)
            var published = 0
            let delivered = await eventually(timeout: .seconds(20)) {
                await sender.publish(change)
                published += 1
                return seenByReceiver.count(of: change) > 0
            }

            // Then the receiver's subscriber gets it
            #expect(delivered)
            // And once the receiver's own change has come back to the sender (after every echo of the sender's),
            // the sender's subscriber has seen each of its changes exactly once
            let sentinelArrived = await eventually(timeout: .seconds(20)) {
                if seenBySender.count(of: sentinel) > 0 { return true }
                await receiver.publish(sentinel)
                return false
            }
            #expect(sentinelArrived)
            #expect(seenBySender.count(of: change) == published)
        }
    }

    /// Runs `command` with `/bin/sh -c` and returns its exit status. It spawns and reaps the child itself on a
    /// thread of its own (Foundation's `Process` did not reap the child inside the test runner, so it never finished).
    static func run(_ command: String) async -> Int32 {
        await withCheckedContinuation { continuation in
            Thread.detachNewThread {
                var pid: pid_t = 0
                let arguments: [UnsafeMutablePointer<CChar>?] = ["/bin/sh", "-c", command].map { (text: String) in strdup(text) } + [nil]
                defer { for argument in arguments { free(argument) } }
                guard posix_spawn(&pid, "/bin/sh", nil, nil, arguments, environ) == 0 else {
                    return continuation.resume(returning: -1)
                }
                var status: Int32 = 0
                while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
                continuation.resume(returning: (status >> 8) & 0xFF)
            }
        }
    }
}

/// The changes a subscriber has seen so far, shared between its task and the test.
final class SeenChanges: Sendable {
    private let changes = Mutex<[FleetChange]>([])

    func append(_ change: FleetChange) { changes.withLock { $0.append(change) } }

    func count(of change: FleetChange) -> Int { changes.withLock { $0.filter { $0 == change }.count } }
}

