import Synchronization
import SQLKit

/// A statement whose SQL text SQLKit renders once per dialect and that then runs again and again with new binds.
/// The kafka row's insert and update are the same fifty-column statements on every write, and rendering them
/// each time was a measurable part of a write's cost.
///
/// `build` returns the statement with one bind (of any value) in each place where `StoreDatabase.rows(_:binds:)`
/// will later pass a value, in the order SQLKit renders them: left to right through the statement.
final class CachedStatement: Sendable {
    private let build: @Sendable (any SQLDatabase) -> any SQLExpression
    private let texts = Mutex<[String: String]>([:])

    init(_ build: @escaping @Sendable (any SQLDatabase) -> any SQLExpression) {
        self.build = build
    }

    /// The statement's text in `database`'s dialect.
    func text(for database: any SQLDatabase) -> String {
        let dialect = database.dialect.name
        if let text = texts.withLock({ $0[dialect] }) { return text }
        let text = database.serialize(build(database)).sql
        texts.withLock { $0[dialect] = text }
        return text
    }
}
