public import KafkaFleetCore
import Synchronization

/// A `DNSProvider` that keeps the records in process memory: an in-process registry of the CNAME records a fleet
/// would publish, for a fleet on a laptop with no DNS service.
///
/// `kafkafleetd` uses it when no Route53 hosted zone is configured. The reconcilers then create, replace and delete
/// kafkas' records exactly as they would in Route53, and `records` shows what would be published, but nothing is
/// resolvable: a DNS client never sees these names. The records live as long as the process; a restarted daemon
/// starts with none and the reconcilers write the ones its kafkas need again.
///
/// Names compare as DNS compares them, like the Route53 adapter: case-insensitively, a trailing dot ignored. Calls
/// never fail. `upsert(_:)` and `delete(_:)` are the same operations as the protocol's, and also say what they
/// changed.
public final class LocalDNSProvider: DNSProvider {
    /// What a call did to one name.
    public enum Change: Sendable, Hashable {
        /// An upsert created the record of a name that had none.
        case created(name: String)
        /// An upsert replaced (or wrote again) the record of a name that had one.
        case replaced(name: String)
        /// A delete removed the record of a name.
        case deleted(name: String)
    }

    private let state = Mutex<[String: DNSRecord]>([:])

    /// An empty registry.
    public init() {}

    /// The current records, by normalised name (see `normalisedName(_:)`).
    public var records: [String: DNSRecord] { state.withLock { $0 } }

    /// The record of `name`, compared as DNS compares names, if there is one.
    public func record(named name: String) -> DNSRecord? {
        state.withLock { $0[Self.normalisedName(name)] }
    }

    /// Creates or replaces the records.
    public func upsertRecords(_ records: [DNSRecord]) async throws {
        upsert(records)
    }

    /// Removes the records that exist; the others are ignored.
    public func deleteRecords(_ records: [DNSRecord]) async throws {
        delete(records)
    }

    /// Creates or replaces the records, and returns what that did to each name, in the order given.
    @discardableResult
    public func upsert(_ records: [DNSRecord]) -> [Change] {
        state.withLock { registry in
            records.map { record in
                let name = Self.normalisedName(record.name)
                return registry.updateValue(record, forKey: name) == nil ? .created(name: name) : .replaced(name: name)
            }
        }
    }

    /// Removes the records that exist, and returns the deletions, in the order given; missing names are ignored.
    @discardableResult
    public func delete(_ records: [DNSRecord]) -> [Change] {
        state.withLock { registry in
            records.compactMap { record in
                let name = Self.normalisedName(record.name)
                return registry.removeValue(forKey: name) == nil ? nil : .deleted(name: name)
            }
        }
    }

    /// `name` as the registry keys it: lower case, without a trailing dot.
    public static func normalisedName(_ name: String) -> String {
        let lower = name.lowercased()
        return lower.hasSuffix(".") ? String(lower.dropLast()) : lower
    }
}
