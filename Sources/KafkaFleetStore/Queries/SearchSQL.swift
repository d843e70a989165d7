import KafkaFleetCore
import SQLKit

/// A `SearchExpression` as an SQL condition: column names come from the `SearchColumn` enum and every
/// value is bound, so a search string can never change the statement. `like` is case-sensitive and
/// `ilike` case-insensitive on both engines, with `%` and `_` as the only special characters.
enum SearchSQL {
    static func condition(_ expression: SearchExpression, _ flavour: SQLFlavour) -> any SQLExpression {
        switch expression {
        case let .comparison(column, op, value):
            let name = column.rawValue
            switch (op, flavour) {
            case (.equal, _):
                return SQLBinaryExpression(SQLIdentifier(name), .equal, SQLBind(value))
            case (.notEqual, _):
                return SQLBinaryExpression(SQLIdentifier(name), .notEqual, SQLBind(value))
            case (.like, .postgres):
                // ESCAPE '' turns off PostgreSQL's default backslash escape, as SQLite and the in-memory store have none.
                return SQLQueryString("\(ident: name) LIKE \(bind: value) ESCAPE ''")
            case (.like, .sqlite):
                // Case-sensitive through `PRAGMA case_sensitive_like = ON` on every connection.
                return SQLQueryString("\(ident: name) LIKE \(bind: value)")
            case (.ilike, .postgres):
                return SQLQueryString("\(ident: name) ILIKE \(bind: value) ESCAPE ''")
            case (.ilike, .sqlite):
                return SQLQueryString("lower(\(ident: name)) LIKE lower(\(bind: value))")
            }
        case let .membership(column, values, negated):
            // An empty list matches nothing (`in`) or everything (`not in`); `IN ()` is not valid SQL.
            guard !values.isEmpty else { return SQLRaw(negated ? "1 = 1" : "1 = 0") }
            return SQLQueryString("\(ident: column.rawValue) \(unsafeRaw: negated ? "NOT IN" : "IN") (\(binds: values))")
        case let .and(lhs, rhs):
            return SQLQueryString("(\(condition(lhs, flavour)) AND \(condition(rhs, flavour)))")
        case let .or(lhs, rhs):
            return SQLQueryString("(\(condition(lhs, flavour)) OR \(condition(rhs, flavour)))")
        }
    }
}
