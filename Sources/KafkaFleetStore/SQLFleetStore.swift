public import KafkaFleetCore
public import Logging
import PostgresKit
public import ServiceLifecycle
import SQLKit

/// The `FleetStore` on SQL: SQLite for the embedded default (one file) and PostgreSQL for production
/// (several replicas sharing one database), with one implementation of every query.
///
/// It behaves exactly like `InMemoryFleetStore`: writes are compare-and-set on status and revision,
/// admission limits are checked and written in one serialised step, status changes record events in
/// the same transaction, deleted rows are invisible. Driver failures surface as `StoreError`.
///
/// Lifecycle: the store is a `Service`; its `run()` keeps the connections alive until cancellation or
/// graceful shutdown and then closes them (PostgreSQL needs it running before any call). Put it first in
/// the daemon's `ServiceGroup`, call `migrate()` once it runs; tests can use `withRunning(_:)`.
///
/// Every operation that waits on a database server is bounded (on SQLite, every write: writes queue behind each
/// other): waiting for a connection and running its statements together take at most `operationTimeout`, after which the operation fails with `StoreError(.unavailable)` (the HTTP layer answers
/// 503), so no request or worker pass waits forever on a database that went away. An operation that timed out
/// may still complete in the database afterwards; writes are compare-and-set, so a retry finds out.
public final class SQLFleetStore: FleetStore, Service {
    let backend: any SQLBackend
    /// The bound of every operation: waiting for a connection plus running its statements.
    public let operationTimeout: Duration

    /// The bound of a migration, which may rewrite whole tables.
    static let migrationTimeout = Duration.seconds(600)

    /// The default `operationTimeout`.
    public static let defaultOperationTimeout = Duration.seconds(10)

    private init(backend: any SQLBackend, operationTimeout: Duration) {
        self.backend = backend
        self.operationTimeout = operationTimeout
    }

    /// A store on the SQLite file at `path`, created when missing. The file is opened here; close it by
    /// running the store (`run()` or `withRunning(_:)`) or with `close()`.
    public static func sqlite(
        path: String, operationTimeout: Duration = defaultOperationTimeout, logger: Logger = Logger(label: "kafkafleet.store")
    ) async throws -> SQLFleetStore {
        do {
            return SQLFleetStore(backend: try await SQLiteBackend.open(path: path, logger: logger), operationTimeout: operationTimeout)
        } catch {
            throw StoreError.wrapping(error)
        }
    }

    /// A store on the PostgreSQL database at `url` (`postgres://user:password@host:port/database?sslmode=disable`).
    /// No connection is made until the store runs.
    ///
    /// - Parameters:
    ///   - schema: the schema to keep the tables in instead of the server's default search path (`migrate()`
    ///     creates it); tests use one per case.
    ///   - maximumConnections: the most connections the pool opens (on demand; idle ones close after
    ///     `idleConnectionTimeout`).
    ///   - operationTimeout: the bound of every operation (see the type's documentation).
    public static func postgres(
        url: String, schema: String? = nil, maximumConnections: Int = 20, operationTimeout: Duration = defaultOperationTimeout,
        logger: Logger = Logger(label: "kafkafleet.store")
    ) throws -> SQLFleetStore {
        var configuration = try PostgresURL.configuration(url)
        configuration.options.maximumConnections = maximumConnections
        // No minimum: postgres-nio 1.33.2 traps when the pool is below its minimum and a lease needs a new
        // connection (`precondition(minimumConcurrentConnections <= stats.active)` at the top of
        // `PoolStateMachine.ConnectionGroup.createNewDemandConnectionIfPossible()`). The pool does go below it
        // when the server restarts: connections the server terminates are first marked closing (no longer
        // active, still counted among the connections, so `connectionClosed` opens no replacement), and
        // connections that fail to open while the pool is in `connectionCreationFailing` are destroyed, not
        // retried; only the pool's start refills to the minimum. Any lease arriving then, with no idle
        // connection, crashed the process (4 restarts of 5 with a minimum of 20; a minimum of 1 narrows the
        // window but does not close it). With a minimum of 0 the precondition always holds.
        //
        // The price: every connection is then a "demand" connection, and the pool arms an idle-timeout timer
        // each time one goes back to the pool (it cancels it on the next lease). That is one timer per lease
        // instead of none, half of the churn the fixed-size pool without keep-alive removed; we keep
        // keep-alive pings off (no second timer) and a long idle timeout, so connections stay open between
        // bursts as they did with the fixed-size pool.
        configuration.options.minimumConnections = 0
        configuration.options.keepAliveBehavior = nil
        configuration.options.connectionIdleTimeout = idleConnectionTimeout
        configuration.options.connectTimeout = connectTimeout(operationTimeout)
        if let schema {
            configuration.options.additionalStartupParameters = [("search_path", schema)]
        }
        let client = PostgresClient(configuration: configuration, backgroundLogger: logger)
        return SQLFleetStore(backend: PostgresBackend(client: client, schema: schema, logger: logger), operationTimeout: operationTimeout)
    }

    /// How long an idle pooled PostgreSQL connection stays open.
    static let idleConnectionTimeout = Duration.seconds(600)

    /// How long opening a PostgreSQL connection may take: at most 3 s, and half an operation's bound. While a
    /// connection is being opened the pool counts it as soon available and opens no other for the calls it queues,
    /// so an attempt that hangs holds them; postgres-nio's default (10 s) would use up a whole default bound.
    static func connectTimeout(_ operationTimeout: Duration) -> Duration {
        min(.seconds(3), operationTimeout / 2)
    }

    /// Checks that the database answers (`SELECT 1`), within the operation bound; for readiness.
    public func ping() async throws(StoreError) {
        try await reading { db in try await db.raw("SELECT 1").run() }
    }

    /// Keeps the connections (PostgreSQL's pool) alive until cancelled or asked to shut down gracefully,
    /// then closes them.
    public func run() async throws {
        await backend.run()
    }

    /// Closes the connections of a store that is not running (SQLite); later calls fail.
    public func close() async {
        await backend.close()
    }

    /// Runs the store while `body` runs, and closes it afterwards: for tests and short-lived tools.
    public func withRunning<R: Sendable>(_ body: (SQLFleetStore) async throws -> R) async throws -> R {
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await self.run() }
            defer { group.cancelAll() }
            return try await body(self)
        }
    }

    /// Runs `body` on a reading connection, within the operation bound when the read waits on a server (SQLite
    /// reads a local file: measured, the bound cost its GET by id about a sixth of the API's rate); every failure
    /// becomes a `StoreError`.
    func reading<R: Sendable>(_ body: @escaping @Sendable (StoreDatabase) async throws -> R) async throws(StoreError) -> R {
        let backend = backend
        guard backend.readsWaitOnServer else {
            do {
                return try await backend.read(body)
            } catch {
                throw StoreError.wrapping(error)
            }
        }
        return try await bounded(operationTimeout) { try await backend.read(body) }
    }

    /// Runs `body` in a write transaction holding `lock`, within `timeout` (the operation bound unless given);
    /// every failure becomes a `StoreError`.
    func writing<R: Sendable>(
        lock: WriteLock? = nil, timeout: Duration? = nil, _ body: @escaping @Sendable (StoreDatabase) async throws -> R
    ) async throws(StoreError) -> R {
        let backend = backend
        return try await bounded(timeout ?? operationTimeout) { try await backend.write(lock: lock, body) }
    }

    private func bounded<R: Sendable>(_ limit: Duration, _ operation: @escaping @Sendable () async throws -> R) async throws(StoreError) -> R {
        do {
            return try await Deadline.run(within: limit, onTimeout: {
                StoreError(.unavailable, "no answer from the database within \(limit.timeInterval) s")
            }, operation)
        } catch {
            throw StoreError.wrapping(error)
        }
    }
}
