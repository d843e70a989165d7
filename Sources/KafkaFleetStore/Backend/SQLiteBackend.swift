import Logging
import ServiceLifecycle
import SQLiteKit
import Synchronization

/// SQLite behind a store: one connection for writes, used by one transaction at a time (`BEGIN IMMEDIATE`,
/// so a second process on the same file waits for the write lock instead of failing at commit), and one for
/// reads, which WAL lets run beside a write.
final class SQLiteBackend: SQLBackend {
    let flavour = SQLFlavour.sqlite
    let readsWaitOnServer = false
    let schema: String? = nil
    private let writer: SQLiteConnection
    private let reader: SQLiteConnection
    private let writerLock = AsyncSerialLock()
    private let closed = Atomic<Bool>(false)

    private init(writer: SQLiteConnection, reader: SQLiteConnection) {
        self.writer = writer
        self.reader = reader
    }

    /// Opens (creating if needed) the database file at `path` and sets the connection options we rely on.
    static func open(path: String, logger: Logger) async throws -> SQLiteBackend {
        let writer = try await SQLiteConnection.open(storage: .file(path: path), logger: logger)
        do {
            // WAL lets the reader run beside the writer; NORMAL is durable in WAL mode except for the last
            // transactions before a power loss; busy_timeout replaces SQLiteNIO's retry-forever handler.
            try await pragmas(["journal_mode = WAL", "synchronous = NORMAL"] + connectionPragmas, on: writer)
        } catch {
            try? await writer.close().get()
            throw error
        }
        let reader: SQLiteConnection
        do {
            reader = try await SQLiteConnection.open(storage: .file(path: path), logger: logger)
        } catch {
            try? await writer.close().get()
            throw error
        }
        do {
            try await pragmas(connectionPragmas, on: reader)
        } catch {
            try? await writer.close().get()
            try? await reader.close().get()
            throw error
        }
        return SQLiteBackend(writer: writer, reader: reader)
    }

    /// Options every connection needs: wait for a busy database, enforce foreign keys, and make `LIKE`
    /// case-sensitive as on PostgreSQL (`ilike` is rendered with `lower()` on SQLite).
    private static let connectionPragmas = ["busy_timeout = 5000", "foreign_keys = ON", "case_sensitive_like = ON"]

    private static func pragmas(_ pragmas: [String], on connection: SQLiteConnection) async throws {
        for pragma in pragmas {
            try await connection.query("PRAGMA \(pragma)", [], { _ in })
        }
    }

    func read<R: Sendable>(_ body: @Sendable (StoreDatabase) async throws -> R) async throws -> R {
        try await body(StoreDatabase(sql: reader.sql(queryLogLevel: .trace), connection: .sqlite(reader)))
    }

    func write<R: Sendable>(lock: WriteLock?, _ body: @Sendable (StoreDatabase) async throws -> R) async throws -> R {
        // Every write already holds the single writer connection, which serialises admissions and migrations.
        let db = StoreDatabase(sql: writer.sql(queryLogLevel: .trace), connection: .sqlite(writer))
        return try await writerLock.withLock {
            _ = try await writer.query("BEGIN IMMEDIATE", [])
            do {
                let result = try await body(db)
                _ = try await writer.query("COMMIT", [])
                return result
            } catch {
                _ = try? await writer.query("ROLLBACK", [])
                throw error
            }
        }
    }

    func run() async {
        try? await gracefulShutdown()
        await close()
    }

    func close() async {
        guard closed.compareExchange(expected: false, desired: true, ordering: .acquiringAndReleasing).exchanged else { return }
        // Wait for a write in flight so that its transaction ends before the connection does. The future-based
        // close runs even when the calling task is cancelled (the async one would give up at once).
        await writerLock.withLock {
            try? await writer.close().get()
            try? await reader.close().get()
        }
    }
}
