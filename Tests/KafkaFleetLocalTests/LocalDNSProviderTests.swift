import KafkaFleetCore
import KafkaFleetLocal
import Testing

@Suite("Local DNS provider")
struct LocalDNSProviderTests {
    static let record = DNSRecord(name: "demo-abc.kafka.kafkafleet.local", target: "router-default.kafkafleet-local.kafkafleet.local")

    @Test("an upserted record is kept under its normalised name and found however its name is spelt")
    func upsertKeepsRecord() async throws {
        let dns = LocalDNSProvider()

        try await dns.upsertRecords([Self.record])

        #expect(dns.records == ["demo-abc.kafka.kafkafleet.local": Self.record])
        #expect(dns.record(named: "DEMO-ABC.Kafka.KafkaFleet.local.") == Self.record)
        #expect(dns.record(named: "other.kafka.kafkafleet.local") == nil)
    }

    @Test("an upsert of a name that has a record replaces it, whatever the spelling, and says so")
    func upsertReplaces() {
        let dns = LocalDNSProvider()
        let moved = DNSRecord(name: "Demo-ABC.kafka.kafkafleet.local.", target: "router-default.elsewhere.example.com")

        let first = dns.upsert([Self.record])
        let second = dns.upsert([moved])

        #expect(first == [.created(name: "demo-abc.kafka.kafkafleet.local")])
        #expect(second == [.replaced(name: "demo-abc.kafka.kafkafleet.local")])
        #expect(dns.records.count == 1)
        #expect(dns.record(named: Self.record.name)?.target == moved.target)
    }

    @Test("a delete removes existing records and ignores missing ones without failing")
    func deleteIgnoresMissing() async throws {
        let dns = LocalDNSProvider()
        let other = DNSRecord(name: "other.kafka.kafkafleet.local", target: Self.record.target)
        dns.upsert([Self.record, other])

        let removed = dns.delete([DNSRecord(name: "DEMO-ABC.kafka.kafkafleet.local", target: ""), Self.record])
        try await dns.deleteRecords([Self.record])

        #expect(removed == [.deleted(name: "demo-abc.kafka.kafkafleet.local")])
        #expect(dns.records == ["other.kafka.kafkafleet.local": other])
    }
}
