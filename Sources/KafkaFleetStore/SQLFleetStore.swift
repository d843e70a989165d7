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
public final class SQLFleetStore: FleetStore, Service {
    let backend: any SQLBackend

    private init(backend: any SQLBackend) {
        self.backend = backend
    }

    /// A store on the SQLite file at `path`, created when missing. The file is opened here; close it by
    /// running the store (`run()` or `withRunning(_:)`) or with `close()`.
    public static func sqlite(path: String, logger: Logger = Logger(label: "kafkafleet.store")) async throws -> SQLFleetStore {
        do {
            return SQLFleetStore(backend: try await SQLiteBackend.open(path: path, logger: logger))
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
    ///   - maximumConnections: the size of the connection pool, all of them opened when the store starts and
    ///     kept open.
    public static func postgres(
        url: String, schema: String? = nil, maximumConnections: Int = 20,
        logger: Logger = Logger(label: "kafkafleet.store")
    ) throws -> SQLFleetStore {
        var configuration = try PostgresURL.configuration(url)
        // A pool of fixed size, whose idle connections are not pinged: PostgresClient arms a timer task for the
        // idle timeout of a connection above the minimum, and another for its keep-alive ping, each time the
        // connection goes back to the pool, and cancels them when it is leased again. That churn made a GET of
        // one kafka through the API about a tenth more costly under load (APIBenchmark). A connection the
        // server closes is still dropped and replaced as soon as its socket closes.
        configuration.options.maximumConnections = maximumConnections
        configuration.options.minimumConnections = maximumConnections
        configuration.options.keepAliveBehavior = nil
        if let schema {
            configuration.options.additionalStartupParameters = [("search_path", schema)]
        }
        let client = PostgresClient(configuration: configuration, backgroundLogger: logger)
        return SQLFleetStore(backend: PostgresBackend(client: client, schema: schema, logger: logger))
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

    /// Runs `body` on a reading connection; every failure becomes a `StoreError`.
    func reading<R: Sendable>(_ body: @Sendable (StoreDatabase) async throws -> R) async throws(StoreError) -> R {
        do {
            return try await backend.read(body)
        } catch {
            throw StoreError.wrapping(error)
        }
    }

    /// Runs `body` in a write transaction holding `lock`; every failure becomes a `StoreError`.
    func writing<R: Sendable>(lock: WriteLock? = nil, _ body: @Sendable (StoreDatabase) async throws -> R) async throws(StoreError) -> R {
        do {
            return try await backend.write(lock: lock, body)
        } catch {
            throw StoreError.wrapping(error)
        }
    }
}
