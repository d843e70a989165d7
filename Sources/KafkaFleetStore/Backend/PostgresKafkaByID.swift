import PostgresKit

/// The read of one kafka by id as a PostgreSQL prepared statement: the server parses and plans it once per
/// connection instead of on every read, the store's most frequent statement. It names its columns (rather than
/// `*`) so that a migration adding a column does not change the result type of a statement already prepared on
/// an older replica's connections.
struct PostgresKafkaByID: PostgresPreparedStatement {
    static let name = "kafkafleet_kafka_by_id"
    static let sql = "SELECT " + KafkaRow.columns.map { "\"\($0.name)\"" }.joined(separator: ", ")
        + " FROM \(KafkaRow.table) WHERE \"id\" = $1 AND \"deleted_at\" IS NULL LIMIT 1"
    static let bindingDataTypes: [PostgresDataType] = [.text]

    let id: String

    func makeBindings() throws -> PostgresBindings {
        var bindings = PostgresBindings(capacity: 1)
        bindings.append(id)
        return bindings
    }

    func decodeRow(_ row: PostgresRow) throws -> PostgresRow { row }
}
