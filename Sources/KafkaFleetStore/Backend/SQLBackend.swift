import SQLKit

/// How a store reaches its database: where reads run, how a write transaction is opened and serialised,
/// and how the connections live and die. One conformance per engine; the queries above it are shared.
protocol SQLBackend: Sendable {
    /// Which engine this is.
    var flavour: SQLFlavour { get }

    /// The PostgreSQL schema the tables live in when it is not the server's default; `migrate()` creates it.
    var schema: String? { get }

    /// Whether a read can wait on something outside this process (a server, a pool of connections to it), and so
    /// needs the store's operation bound. A read of a local file cannot, and is spared the bound's cost.
    var readsWaitOnServer: Bool { get }

    /// Runs `body` on a connection for reading (statements commit on their own).
    func read<R: Sendable>(_ body: @Sendable (StoreDatabase) async throws -> R) async throws -> R

    /// Runs `body` in one transaction, holding `lock` (if any) from its start until it commits or rolls back.
    /// The transaction commits when `body` returns and rolls back when it throws; `body`'s error is rethrown.
    func write<R: Sendable>(lock: WriteLock?, _ body: @Sendable (StoreDatabase) async throws -> R) async throws -> R

    /// Keeps the connections alive until the task is cancelled or a graceful shutdown is asked, then closes them.
    func run() async

    /// Closes the connections now; later calls fail.
    func close() async
}
