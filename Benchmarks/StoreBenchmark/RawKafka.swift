import Foundation
import KafkaFleetCore
import KafkaFleetStore

/// What the raw side writes and reads for a kafka: the store's own column map (`KafkaRow`), so the two sides run
/// the same table, the same fifty columns and the same statements and differ only by the store itself. Each driver
/// binds the values with its own types and reads rows with its own decoders.
enum RawKafka {
    /// The columns a write sets, then `id` and `revision`, as `values(of:revision:)` lists them.
    static let columns = KafkaRow.columns.map(\.name)

    /// The number of columns an update sets (all but `id` and `revision`).
    static let fieldCount = KafkaRow.fields.count

    /// The column list of a SELECT or INSERT.
    static let columnList = columns.map { "\"\($0)\"" }.joined(separator: ", ")

    /// The values of `columns` for `kafka`.
    static func values(of kafka: KafkaRequest, revision: Int) throws -> [KafkaColumn.Value] {
        var values: [KafkaColumn.Value] = []
        values.reserveCapacity(columns.count)
        for column in KafkaRow.fields { values.append(try column.value(of: kafka)) }
        values += [.text(kafka.id), .int(revision)]
        return values
    }

    /// The kafka in a row read through `row`.
    static func decode<Row: KafkaColumnReader>(_ row: Row) throws(Row.Failure) -> KafkaRequest {
        try KafkaRow.decode(row)
    }
}

/// A value the raw side could not read.
enum RawError: Error {
    case badValue(String)
}
