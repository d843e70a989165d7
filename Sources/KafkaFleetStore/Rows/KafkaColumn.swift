package import Foundation
package import KafkaFleetCore

/// One column of `kafka_requests` and the field of `KafkaRequest` it stores.
///
/// The column holds a single key path, which both binds the column and decodes it, and the key path's type picks
/// the column's representation; so a column cannot be listed without its bind and its decode, nor be read into a
/// field of another type. `package`-visible for the store benchmark's raw side, which binds and reads the same
/// columns with each driver's own types.
package struct KafkaColumn: Sendable {
    /// A field of `KafkaRequest` that can be written and that can be shared across tasks.
    package typealias Path<Value> = any WritableKeyPath<KafkaRequest, Value> & Sendable

    /// The field a column stores, by how it is stored.
    package enum Field: Sendable {
        /// A TEXT column.
        case text(Path<String>)
        /// An integer column.
        case int(Path<Int>)
        /// A boolean column.
        case bool(Path<Bool>)
        /// A timestamp column that is never NULL.
        case date(Path<Date>)
        /// A timestamp column, NULL for `nil`.
        case optionalDate(Path<Date?>)
        /// A TEXT column holding the status's raw value.
        case status(Path<KafkaStatus>)
        /// A TEXT column holding the routes as JSON with sorted keys, NULL for `nil`.
        case routes(Path<[KafkaRoute]?>)
    }

    /// A column's value as a driver binds it: each driver turns it into its own bind type.
    package enum Value: Sendable, Hashable {
        case text(String), int(Int), bool(Bool), date(Date), null
    }

    /// The column's name in `kafka_requests`.
    package let name: String
    /// The field it stores.
    package let field: Field

    private init(_ name: String, _ field: Field) {
        self.name = name
        self.field = field
    }

    /// A TEXT column storing `path`.
    static func text(_ name: String, _ path: Path<String>) -> KafkaColumn { KafkaColumn(name, .text(path)) }
    /// An integer column storing `path`.
    static func int(_ name: String, _ path: Path<Int>) -> KafkaColumn { KafkaColumn(name, .int(path)) }
    /// A boolean column storing `path`.
    static func bool(_ name: String, _ path: Path<Bool>) -> KafkaColumn { KafkaColumn(name, .bool(path)) }
    /// A timestamp column storing `path`.
    static func date(_ name: String, _ path: Path<Date>) -> KafkaColumn { KafkaColumn(name, .date(path)) }
    /// A nullable timestamp column storing `path`.
    static func optionalDate(_ name: String, _ path: Path<Date?>) -> KafkaColumn { KafkaColumn(name, .optionalDate(path)) }
    /// A TEXT column storing the status at `path`.
    static func status(_ name: String, _ path: Path<KafkaStatus>) -> KafkaColumn { KafkaColumn(name, .status(path)) }
    /// A JSON TEXT column storing the routes at `path`.
    static func routes(_ name: String, _ path: Path<[KafkaRoute]?>) -> KafkaColumn { KafkaColumn(name, .routes(path)) }

    /// The value this column binds for `kafka`.
    package func value(of kafka: KafkaRequest) throws(StoreError) -> Value {
        switch field {
        case let .text(path): .text(kafka[keyPath: path])
        case let .int(path): .int(kafka[keyPath: path])
        case let .bool(path): .bool(kafka[keyPath: path])
        case let .date(path): .date(kafka[keyPath: path])
        case let .optionalDate(path): kafka[keyPath: path].map(Value.date) ?? .null
        case let .status(path): .text(kafka[keyPath: path].rawValue)
        case let .routes(path): try SQLValue.jsonText(kafka[keyPath: path]).map(Value.text) ?? .null
        }
    }

    /// Sets this column's field of `kafka` from `row`.
    package func read<Row: KafkaColumnReader>(from row: Row, into kafka: inout KafkaRequest) throws(Row.Failure) {
        switch field {
        case let .text(path): kafka[keyPath: path] = try row.string(name)
        case let .int(path): kafka[keyPath: path] = try row.int(name)
        case let .bool(path): kafka[keyPath: path] = try row.bool(name)
        case let .date(path): kafka[keyPath: path] = try row.date(name)
        case let .optionalDate(path): kafka[keyPath: path] = try row.optionalDate(name)
        case let .status(path): kafka[keyPath: path] = try row.status(name)
        case let .routes(path): kafka[keyPath: path] = try row.routes(name)
        }
    }
}

extension KafkaColumn.Value {
    /// The value as the store's statements bind it (`nil` is NULL).
    var bind: (any Encodable & Sendable)? {
        switch self {
        case let .text(text): text
        case let .int(number): number
        case let .bool(flag): flag
        case let .date(date): date
        case .null: nil
        }
    }
}
