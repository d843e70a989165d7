import KafkaFleetCore
import SQLKit

/// A kafka list's `orderBy` as SQL. Only whitelisted columns reach the statement; text is compared by
/// code point on both engines (`COLLATE "C"` on PostgreSQL, SQLite's default BINARY) so the order does not
/// depend on the server's locale; ties are broken by id, as in the in-memory store.
enum OrderingSQL {
    /// The ORDER BY terms for `ordering` (name ascending when empty), ending with `id` ascending.
    static func terms(_ ordering: [KafkaOrdering], _ flavour: SQLFlavour) -> [any SQLExpression] {
        let ordering = ordering.isEmpty ? [KafkaOrdering(.name)] : ordering
        return ordering.map { term in
            SQLOrderBy(expression: sortKey(term.column, flavour), direction: term.descending ? SQLDirection.descending : .ascending)
        } + [SQLOrderBy(expression: sortKey(.id, flavour), direction: SQLDirection.ascending)]
    }

    /// The column a term sorts by: `href` is the id and `version` the actual Kafka version.
    static func column(_ column: KafkaOrderColumn) -> String {
        switch column {
        case .href: "id"
        case .version: "actual_kafka_version"
        default: column.rawValue
        }
    }

    private static func sortKey(_ orderColumn: KafkaOrderColumn, _ flavour: SQLFlavour) -> any SQLExpression {
        let name = column(orderColumn)
        switch (orderColumn, flavour) {
        case (.createdAt, _), (.updatedAt, _), (.multiAZ, _), (.reauthenticationEnabled, _), (_, .sqlite):
            return SQLIdentifier(name)
        case (_, .postgres):
            return SQLQueryString("\(ident: name) COLLATE \"C\"")
        }
    }
}
