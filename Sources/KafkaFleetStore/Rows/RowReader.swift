import Foundation
import KafkaFleetCore
import PostgresKit
import SQLiteKit
import SQLKit

/// Typed reads of one result row, turning any decoding failure into `StoreError(.corruptRow)`
/// so that a bad row never crashes the process and names its column in the log.
///
/// A row fetched through `StoreDatabase.rows(_:)` is read with the driver's own decoders (SQLiteNIO's
/// `SQLiteDataConvertible`, PostgresNIO's `PostgresDecodable`), one concrete call per column; any other
/// `SQLRow` goes through SQLKit's generic decoding.
struct RowReader {
    private enum Source {
        case sqlite(SQLiteRow)
        case postgres(PostgresRandomAccessRow)
        case sql(any SQLRow)
    }

    private let source: Source

    /// A row from SQLiteNIO.
    init(sqlite row: SQLiteRow) { source = .sqlite(row) }
    /// A row from PostgresNIO.
    init(postgres row: PostgresRandomAccessRow) { source = .postgres(row) }
    /// A row from SQLKit.
    init(sql row: any SQLRow) { source = .sql(row) }

    func string(_ column: String) throws(StoreError) -> String { try value(column, as: String.self) }
    func int(_ column: String) throws(StoreError) -> Int { try value(column, as: Int.self) }
    func bool(_ column: String) throws(StoreError) -> Bool { try value(column, as: Bool.self) }
    func date(_ column: String) throws(StoreError) -> Date { try value(column, as: Date.self) }

    func optionalDate(_ column: String) throws(StoreError) -> Date? {
        try isNull(column) ? nil : date(column)
    }

    func optionalInt(_ column: String) throws(StoreError) -> Int? {
        try isNull(column) ? nil : int(column)
    }

    /// A JSON text column decoded into `T`; `nil` when the column is NULL.
    func json<T: Decodable>(_ column: String, as type: T.Type) throws(StoreError) -> T? {
        if try isNull(column) { return nil }
        let text = try string(column)
        do {
            return try JSONDecoder().decode(T.self, from: Data(text.utf8))
        } catch {
            throw StoreError(.corruptRow, "\(column): \(error)")
        }
    }

    /// A TEXT column holding the raw value of `T`, e.g. a status.
    func enumValue<T: RawRepresentable>(_ column: String, as type: T.Type) throws(StoreError) -> T where T.RawValue == String {
        let raw = try string(column)
        guard let value = T(rawValue: raw) else { throw StoreError(.corruptRow, "\(column): unknown value \(raw)") }
        return value
    }

    private func isNull(_ column: String) throws(StoreError) -> Bool {
        switch source {
        case let .sqlite(row):
            guard let data = row.column(column) else { throw StoreError(.corruptRow, "\(column): no such column") }
            return data == .null
        case let .postgres(row):
            guard row.contains(column) else { throw StoreError(.corruptRow, "\(column): no such column") }
            return row[column].bytes == nil
        case let .sql(row):
            do {
                return try row.decodeNil(column: column)
            } catch {
                throw StoreError(.corruptRow, "\(column): \(error)")
            }
        }
    }

    private func value<T: Decodable & SQLiteDataConvertible & PostgresDecodable>(_ column: String, as type: T.Type) throws(StoreError) -> T {
        switch source {
        case let .sqlite(row):
            guard let data = row.column(column), let value = T(sqliteData: data) else {
                throw StoreError(.corruptRow, "\(column): not a \(T.self)")
            }
            return value
        case let .postgres(row):
            guard row.contains(column) else { throw StoreError(.corruptRow, "\(column): no such column") }
            do {
                return try row[column].decode(T.self)
            } catch {
                throw StoreError(.corruptRow, "\(column): \(error)")
            }
        case let .sql(row):
            do {
                return try row.decode(column: column, as: T.self)
            } catch {
                throw StoreError(.corruptRow, "\(column): \(error)")
            }
        }
    }
}

/// Bindings for the values we write, in the representation both engines read back the same way.
enum SQLValue {
    /// A bound value, or NULL.
    static func optional(_ value: (some Encodable & Sendable)?) -> any SQLExpression {
        value.map { SQLBind($0) } ?? SQLLiteral.null
    }

    /// `value` as bound JSON text (sorted keys, so equal values store equal text), or NULL.
    static func json(_ value: (some Encodable)?) throws(StoreError) -> any SQLExpression {
        try jsonText(value).map { SQLBind($0) } ?? SQLLiteral.null
    }

    /// `value` as JSON text with sorted keys, or `nil`.
    static func jsonText(_ value: (some Encodable)?) throws(StoreError) -> String? {
        guard let value else { return nil }
        do {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            return String(decoding: try encoder.encode(value), as: UTF8.self)
        } catch {
            throw StoreError(.corruptRow, "cannot encode JSON: \(error)")
        }
    }
}
