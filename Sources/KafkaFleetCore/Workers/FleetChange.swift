/// A change of the fleet's state that may give a worker something to do: a kafka or a cluster was written.
public struct FleetChange: Sendable, Hashable {
    /// What kind of resource changed.
    public enum Kind: String, Sendable, Hashable {
        /// A kafka request.
        case kafka
        /// A data-plane cluster.
        case cluster
    }

    /// What kind of resource changed.
    public var kind: Kind
    /// Its status after the write (the wire string).
    public var status: String

    /// A change from its parts.
    public init(kind: Kind, status: String) {
        self.kind = kind
        self.status = status
    }

    /// A kafka now in `status`.
    public static func kafka(_ status: KafkaStatus) -> FleetChange { FleetChange(kind: .kafka, status: status.rawValue) }
    /// A cluster now in `status`.
    public static func cluster(_ status: ClusterStatus) -> FleetChange { FleetChange(kind: .cluster, status: status.rawValue) }

    /// The text form used across processes, e.g. `kafka:preparing`.
    public var wireValue: String { "\(kind.rawValue):\(status)" }

    /// Parses the text form; `nil` when it is not one.
    public init?(wireValue: String) {
        let parts = wireValue.split(separator: ":", maxSplits: 1).map(String.init)
        guard parts.count == 2, let kind = Kind(rawValue: parts[0]) else { return nil }
        self.init(kind: kind, status: parts[1])
    }
}
