import SQLKit

/// The soft-delete convention shared by kafkas and clusters: a row with `deleted_at` set is invisible.
enum SoftDeleteSQL {
    /// `deleted_at IS NULL`: rows that are not soft-deleted.
    static let notDeleted: any SQLExpression = SQLBinaryExpression(SQLIdentifier("deleted_at"), .is, SQLLiteral.null)
}
