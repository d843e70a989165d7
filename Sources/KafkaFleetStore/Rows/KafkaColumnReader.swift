package import Foundation
package import KafkaFleetCore

/// A result row that `KafkaRow.decode` can read a kafka from: one typed read per kind of `KafkaColumn.Field`,
/// by column name. The store's `RowReader` is one; the store benchmark's raw side reads rows with each driver's
/// decoders through its own.
package protocol KafkaColumnReader {
    /// What a read throws when the column is missing or holds something else.
    associatedtype Failure: Error

    func string(_ column: String) throws(Failure) -> String
    func int(_ column: String) throws(Failure) -> Int
    func bool(_ column: String) throws(Failure) -> Bool
    func date(_ column: String) throws(Failure) -> Date
    /// A timestamp, `nil` when the column is NULL.
    func optionalDate(_ column: String) throws(Failure) -> Date?
    /// A status stored as its raw value.
    func status(_ column: String) throws(Failure) -> KafkaStatus
    /// Routes stored as JSON text, `nil` when the column is NULL.
    func routes(_ column: String) throws(Failure) -> [KafkaRoute]?
}

extension RowReader: KafkaColumnReader {
    func status(_ column: String) throws(StoreError) -> KafkaStatus { try enumValue(column, as: KafkaStatus.self) }
    func routes(_ column: String) throws(StoreError) -> [KafkaRoute]? { try json(column, as: [KafkaRoute].self) }
}
