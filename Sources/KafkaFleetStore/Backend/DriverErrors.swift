import KafkaFleetCore
import PostgresKit
import SQLiteKit

/// The unique keys of the schema whose violation means something to a caller.
enum UniqueKey: Sendable, Equatable {
    /// `uix_kafka_requests_organisation_name`: a non-deleted kafka's name within its organisation.
    case kafkaName
    /// `uix_clusters_cluster_id`: a cluster's provider id.
    case clusterID
    /// Any other key (a primary key, say).
    case other

    /// The names the two engines use for the key in their error reports: PostgreSQL names the index,
    /// SQLite lists its columns (`table.column`).
    private static let markers: [(UniqueKey, [String])] = [
        (.kafkaName, ["uix_kafka_requests_organisation_name", "kafka_requests.organisation_id, kafka_requests.name"]),
        (.clusterID, ["uix_clusters_cluster_id", "clusters.cluster_id"]),
    ]

    /// Which unique key `error` reports as violated, or `nil` when it is no unique violation.
    static func violated(by error: any Error) -> UniqueKey? {
        let text: String
        if let error = error as? PSQLError, error.serverInfo?[.sqlState] == "23505" {
            text = error.serverInfo?[.constraintName] ?? ""
        } else if let error = error as? SQLiteError,
                  error.reason == .constraintUniqueFailed || error.reason == .constraintPrimaryKeyFailed || error.reason == .constraint {
            text = error.message
        } else {
            return nil
        }
        return markers.first { _, names in names.contains { text.contains($0) } }?.0 ?? .other
    }
}

extension StoreError {
    /// `error` as a store error: itself when it is one already, otherwise `.unavailable` with the driver's
    /// own description for the log (PSQLError hides its details from `description`, so reflect it).
    static func wrapping(_ error: any Error) -> StoreError {
        if let error = error as? StoreError { return error }
        if error is CancellationError { return StoreError(.unavailable, "cancelled") }
        return StoreError(.unavailable, String(reflecting: error))
    }
}
