/// One forward-only step of the schema, named and numbered. Shipped migrations are never edited or
/// removed: a change is a new migration appended to `Migrations.all`.
struct Migration: Sendable {
    /// The schema version this step leads to; versions count up from 1 without gaps.
    let version: Int
    /// What the step does, for the log and the migrations table.
    let name: String
    /// The statements of the step, in SQL of the given engine.
    let statements: @Sendable (SQLFlavour) -> [String]
}
