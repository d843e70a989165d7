import KafkaFleetCore

/// Stands in for your own DNS system: a `DNSProvider` that keeps its records in memory and prints each change.
///
/// Both calls are idempotent, as the protocol asks: upserting a record that exists rewrites it, deleting one that
/// does not exist is no error. The ready worker re-asserts every ready kafka's records on each pass, so only real
/// changes are printed.
actor RecordingDNSProvider: DNSProvider {
    /// The records that exist now: target by name.
    private(set) var records: [String: String] = [:]

    func upsertRecords(_ records: [DNSRecord]) async throws {
        for record in records where self.records[record.name] != record.target {
            self.records[record.name] = record.target
            print("  dns: \(record.name) -> \(record.target)")
        }
    }

    func deleteRecords(_ records: [DNSRecord]) async throws {
        for record in records where self.records.removeValue(forKey: record.name) != nil {
            print("  dns: removed \(record.name)")
        }
    }
}
