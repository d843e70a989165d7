import Logging
import PostgresKit
import ServiceLifecycle

/// PostgreSQL behind a store: a pool of connections (PostgresClient, which reconnects after the server
/// restarts); each write is one transaction on one pooled connection, serialised where needed by a
/// transaction-level advisory lock, so replicas in other processes serialise with it too.
final class PostgresBackend: SQLBackend {
    let flavour = SQLFlavour.postgres
    let readsWaitOnServer = true
    let schema: String?
    private let client: PostgresClient
    private let logger: Logger

    init(client: PostgresClient, schema: String?, logger: Logger) {
        self.client = client
        self.schema = schema
        self.logger = logger
    }

    func read<R: Sendable>(_ body: @Sendable (StoreDatabase) async throws -> R) async throws -> R {
        let logger = logger
        return try await client.withConnection { connection in
            try await body(StoreDatabase(sql: connection.sql(queryLogLevel: .trace, logger: logger), connection: .postgres(connection)))
        }
    }

    func write<R: Sendable>(lock: WriteLock?, _ body: @Sendable (StoreDatabase) async throws -> R) async throws -> R {
        let logger = logger
        do {
            return try await client.withTransaction(logger: logger) { connection in
                let db = StoreDatabase(sql: connection.sql(queryLogLevel: .trace, logger: logger), connection: .postgres(connection))
                if let lock {
                    try await db.raw("SELECT pg_advisory_xact_lock(\(bind: lock.advisoryKey))").run()
                }
                return try await body(db)
            }
        } catch let error as PostgresTransactionError {
            // Report what actually went wrong, so a StoreError thrown by `body` reaches the caller as is.
            throw error.closureError ?? error.commitError ?? error.beginError ?? (error as any Error)
        }
    }

    func run() async {
        let client = client
        await cancelWhenGracefulShutdown { await client.run() }
    }

    func close() async {}
}
