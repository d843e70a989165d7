/// A failure of a store, with a description safe to show to an operator.
public struct StoreError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong.
    public enum Code: Sendable, Hashable {
        /// A non-deleted kafka with that name already exists in the organisation.
        case duplicateKafkaName
        /// A cluster with that `cluster_id` already exists.
        case duplicateCluster
        /// The database was migrated by a newer release than this one.
        case schemaTooNew(found: Int, supported: Int)
        /// The database could not be reached or refused the statement.
        case unavailable
        /// A stored row could not be read back (bad JSON, unknown status).
        case corruptRow
    }

    /// What went wrong.
    public var code: Code
    /// Details for the log.
    public var detail: String

    /// An error from its parts.
    public init(_ code: Code, _ detail: String = "") {
        self.code = code
        self.detail = detail
    }

    public var description: String {
        switch code {
        case .duplicateKafkaName: "a kafka with this name already exists in the organisation"
        case .duplicateCluster: "a cluster with this cluster_id already exists"
        case let .schemaTooNew(found, supported):
            "the database schema is at version \(found) but this release supports up to \(supported); upgrade kafkafleetd"
        case .unavailable: "the database is unavailable" + (detail.isEmpty ? "" : ": \(detail)")
        case .corruptRow: "a stored row could not be read" + (detail.isEmpty ? "" : ": \(detail)")
        }
    }
}
