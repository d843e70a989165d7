/// A DNS name that must resolve to another (a CNAME record).
public struct DNSRecord: Sendable, Hashable, Codable {
    /// The name clients resolve, e.g. a kafka's bootstrap host.
    public var name: String
    /// The name it points to, e.g. the data-plane router.
    public var target: String

    /// A record from its two names.
    public init(name: String, target: String) {
        self.name = name
        self.target = target
    }
}

/// Creates and removes the DNS records that make a kafka reachable.
///
/// Both calls are idempotent: an existing record is replaced (adopted), a missing one is not an error.
/// Failures are `ProviderError`s.
public protocol DNSProvider: Sendable {
    /// Creates or replaces the records.
    func upsertRecords(_ records: [DNSRecord]) async throws
    /// Removes the records; records that do not exist are ignored.
    func deleteRecords(_ records: [DNSRecord]) async throws
}
