/// The SQL engine behind a store, for the few places where the two engines need different SQL.
enum SQLFlavour: String, Sendable {
    /// SQLite: the embedded default, one file, one process writing at a time.
    case sqlite
    /// PostgreSQL: production, several replicas sharing one database.
    case postgres

    /// The column type of a point in time: `timestamptz` on PostgreSQL, unix seconds as `REAL` on SQLite
    /// (sortable, and SQLiteNIO reads it back rounded to the microsecond).
    var timestampType: String {
        switch self {
        case .sqlite: "REAL"
        case .postgres: "TIMESTAMPTZ"
        }
    }

    /// A column that numbers rows in insertion order, for histories read back oldest first.
    var sequenceColumnType: String {
        switch self {
        case .sqlite: "INTEGER PRIMARY KEY AUTOINCREMENT"
        case .postgres: "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY"
        }
    }
}

/// A lock a write takes inside its transaction so that writers of one kind run one after another
/// across every replica (PostgreSQL advisory locks; SQLite writers are serialised anyway).
enum WriteLock: Sendable {
    /// Admission: counting the kafkas under a limit and writing the new one happen as one step.
    case admission
    /// Migration: one replica migrates the schema at a time.
    case migration

    /// The key of the PostgreSQL transaction-level advisory lock.
    var advisoryKey: Int64 {
        switch self {
        case .admission: 0x4B61_666B_6146_0001
        case .migration: 0x4B61_666B_6146_0002
        }
    }
}
