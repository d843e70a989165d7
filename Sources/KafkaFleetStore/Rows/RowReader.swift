import Foundation
import KafkaFleetCore
import SQLKit

/// Typed reads of one result row, turning any decoding failure into `StoreError(.corruptRow)`
/// so that a bad row never crashes the process and names its column in the log.
struct RowReader {
    let row: any SQLRow

    func string(_ column: String) throws(StoreError) -> String { try value(column, as: String.self) }
    func int(_ column: String) throws(StoreError) -> Int { try value(column, as: Int.self) }
    func bool(_ column: String) throws(StoreError) -> Bool { try value(column, as: Bool.self) }
    func date(_ column: String) throws(StoreError) -> Date { try value(column, as: Date.self) }

    func optionalDate(_ column: String) throws(StoreError) -> Date? {
        do {
            return try row.decodeNil(column: column) ? nil : row.decode(column: column, as: Date.self)
        } catch {
            throw StoreError(.corruptRow, "\(column): \(error)")
        }
    }

    func optionalInt(_ column: String) throws(StoreError) -> Int? {
        do {
            return try row.decodeNil(column: column) ? nil : row.decode(column: column, as: Int.self)
        } catch {
            throw StoreError(.corruptRow, "\(column): \(error)")
        }
    }

    /// A JSON text column decoded into `T`; `nil` when the column is NULL.
    func json<T: Decodable>(_ column: String, as type: T.Type) throws(StoreError) -> T? {
        do {
            if try row.decodeNil(column: column) { return nil }
            let text = try row.decode(column: column, as: String.self)
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

    private func value<T: Decodable>(_ column: String, as type: T.Type) throws(StoreError) -> T {
        do {
            return try row.decode(column: column, as: T.self)
        } catch {
            throw StoreError(.corruptRow, "\(column): \(error)")
        }
    }
}

/// Bindings for the values we write, in the representation both engines read back the same way.
enum SQLValue {
    /// A bound value.
    static func bind(_ value: some Encodable & Sendable) -> any SQLExpression { SQLBind(value) }

    /// A bound value, or NULL.
    static func optional(_ value: (some Encodable & Sendable)?) -> any SQLExpression {
        value.map { SQLBind($0) } ?? SQLLiteral.null
    }

    /// `value` as bound JSON text (sorted keys, so equal values store equal text), or NULL.
    static func json(_ value: (some Encodable)?) throws(StoreError) -> any SQLExpression {
        guard let value else { return SQLLiteral.null }
        do {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            return SQLBind(String(decoding: try encoder.encode(value), as: UTF8.self))
        } catch {
            throw StoreError(.corruptRow, "cannot encode JSON: \(error)")
        }
    }
}
