import Foundation
import Logging
import NIOCore
import PostgresKit
import SQLiteKit
import SQLKit

/// The database a store query runs on: SQLKit's database for building statements, plus the driver connection
/// underneath it, so that the hot statements (every kafka read and write) run on the driver directly, with
/// binds converted by concrete type and rows that `RowReader` decodes with the driver's own typed decoders,
/// instead of SQLKit's generic `Encodable`/`Decodable` path (a dynamic cast per value, dozens per kafka row).
/// Everything else forwards to the SQLKit database.
struct StoreDatabase: SQLDatabase {
    /// The driver connection behind `sql`.
    enum Connection: Sendable {
        case sqlite(SQLiteConnection)
        case postgres(PostgresConnection)
    }

    let sql: any SQLDatabase
    let connection: Connection

    var logger: Logger { sql.logger }
    var eventLoop: any EventLoop { sql.eventLoop }
    var version: (any SQLDatabaseReportedVersion)? { sql.version }
    var dialect: any SQLDialect { sql.dialect }
    var queryLogLevel: Logger.Level? { sql.queryLogLevel }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> ()) -> EventLoopFuture<Void> {
        sql.execute(sql: query, onRow)
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> ()) async throws {
        try await sql.execute(sql: query, onRow)
    }

    func withSession<R>(_ closure: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        try await closure(self)
    }

    /// Runs `query` on the driver and returns its rows (none for a statement without `RETURNING`).
    func rows(_ query: any SQLExpression) async throws -> [RowReader] {
        let (text, binds) = sql.serialize(query)
        return try await rows(text: text, binds: binds)
    }

    /// Runs `statement` with `binds` (in the statement's order; `nil` binds NULL) and returns its rows.
    func rows(_ statement: CachedStatement, binds: [(any Encodable & Sendable)?]) async throws -> [RowReader] {
        try await rows(text: statement.text(for: sql), binds: binds)
    }

    /// Runs `statement` with `binds`, or on PostgreSQL `prepared`, the same statement prepared once per connection.
    func rows<Prepared: PostgresPreparedStatement>(
        _ statement: CachedStatement, binds: [(any Encodable & Sendable)?], onPostgres prepared: Prepared
    ) async throws -> [RowReader] where Prepared.Row == PostgresRow {
        guard case let .postgres(connection) = connection else { return try await rows(statement, binds: binds) }
        if let level = queryLogLevel { logger.log(level: level, "\(Prepared.sql)") }
        let sequence: AsyncThrowingMapSequence<PostgresRowSequence, PostgresRow> = try await connection.execute(prepared, logger: logger)
        var readers: [RowReader] = []
        for try await row in sequence { readers.append(RowReader(postgres: row.makeRandomAccess())) }
        return readers
    }

    private func rows(text: String, binds: [(any Encodable & Sendable)?]) async throws -> [RowReader] {
        if let level = queryLogLevel { logger.log(level: level, "\(text)") }
        switch connection {
        case let .sqlite(connection):
            let values = try binds.map(SQLiteBind.data(for:))
            return try await connection.query(text, values).map(RowReader.init(sqlite:))
        case let .postgres(connection):
            var bindings = PostgresBindings(capacity: binds.count)
            for bind in binds { try PostgresBind.append(bind, to: &bindings) }
            let rows = try await connection.query(PostgresQuery(unsafeSQL: text, binds: bindings), logger: logger).collect()
            return rows.map { RowReader(postgres: $0.makeRandomAccess()) }
        }
    }
}

extension SQLQueryFetcher {
    /// Runs the query, on the driver when it runs on a `StoreDatabase`, and returns its rows.
    func readers() async throws -> [RowReader] {
        if let database = database as? StoreDatabase { return try await database.rows(query) }
        return try await all().map(RowReader.init(sql:))
    }
}
