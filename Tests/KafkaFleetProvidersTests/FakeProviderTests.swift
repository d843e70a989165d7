import KafkaFleetCore
import KafkaFleetTesting
import Testing

@Suite("Fake DNS and identity providers")
struct FakeProviderTests {
    static let record = DNSRecord(name: "my-kafka-abc.kafka.example.com", target: "router.apps.example.org")

    @Test("a record upserted twice is created once and replaced once, and deletion is counted once")
    func dnsCounters() async throws {
        // Given an empty fake zone
        let dns = FakeDNSProvider()

        // When a record is upserted twice (once with a trailing dot and in upper case) and deleted twice
        try await dns.upsertRecords([Self.record])
        try await dns.upsertRecords([DNSRecord(name: "MY-KAFKA-ABC.kafka.example.com.", target: "router.apps.example.org")])
        #expect(dns.records.count == 1)
        try await dns.deleteRecords([Self.record])
        try await dns.deleteRecords([Self.record])

        // Then every call is counted, and the name was created once, replaced once and deleted once
        #expect(dns.calls(.upsertRecords) == 2)
        #expect(dns.calls(.deleteRecords) == 2)
        #expect(dns.creations(of: Self.record.name) == 1)
        #expect(dns.replacements(of: Self.record.name) == 1)
        #expect(dns.deletions(of: Self.record.name) == 1)
        #expect(dns.records.isEmpty)
    }

    @Test("a failure rate with the same seed fails the same calls on every run")
    func seededFailureRate() async throws {
        // Given two fakes with the same seed failing half the calls
        func pattern(seed: UInt64) async -> [Bool] {
            let dns = FakeDNSProvider(seed: seed)
            dns.faults.failureRate = 0.5
            var failed: [Bool] = []
            for _ in 0..<40 {
                do {
                    try await dns.upsertRecords([Self.record])
                    failed.append(false)
                } catch {
                    failed.append(true)
                }
            }
            return failed
        }

        // When each makes 40 calls
        let first = await pattern(seed: 7)
        let second = await pattern(seed: 7)
        let other = await pattern(seed: 8)

        // Then the same calls fail, some but not all, and another seed fails others
        #expect(first == second)
        #expect(first.contains(true) && first.contains(false))
        #expect(first != other)
    }

    @Test("a provider that is down fails every call, without effect, until it is brought back")
    func downUntilBack() async throws {
        // Given a fake identity provider that is down
        let sso = FakeIdentityProvider()
        sso.faults.isDown = true
        let client = IdentityClient(clientID: "canary-abc", name: "canary", description: "canary")

        // When a client is ensured, Then it fails with the default retryable error and creates nothing
        for _ in 0..<3 {
            let error = await #expect(throws: ProviderError.self) { try await sso.ensureClient(client) }
            #expect(error?.code == .unavailable)
        }
        #expect(sso.clients.isEmpty)
        #expect(sso.faults.injectedFailures == 3)

        // When it is brought back, Then the next call succeeds and is the only creation
        sso.faults.isDown = false
        _ = try await sso.ensureClient(client)
        #expect(sso.calls(.ensureClient) == 4)
        #expect(sso.creations(of: "canary-abc") == 1)
    }

    @Test("a configured error is thrown by the queued failures only")
    func fixedError() async throws {
        // Given a fake DNS whose next two calls fail permanently
        let dns = FakeDNSProvider()
        let refusal = ProviderError(.rejected, provider: "fake-dns", "zone is read-only")
        dns.faults.error = refusal
        dns.faults.failNext(2)

        // When it is called three times, Then the first two throw that error and the third succeeds
        for _ in 0..<2 {
            let error = await #expect(throws: ProviderError.self) { try await dns.upsertRecords([Self.record]) }
            #expect(error == refusal)
        }
        try await dns.upsertRecords([Self.record])
        #expect(dns.creations(of: Self.record.name) == 1)
    }

    @Test("a failure after the effect keeps the change, like a lost answer, so a retry adopts it")
    func lostAnswer() async throws {
        // Given a fake identity provider that loses its next answer
        let sso = FakeIdentityProvider()
        sso.faults.timing = .afterEffect
        sso.faults.failNext()
        let client = IdentityClient(clientID: "kas-fleetshard-agent-c1", name: "agent", description: "agent")

        // When the client is ensured, fails, and is ensured again
        await #expect(throws: ProviderError.self) { try await sso.ensureClient(client) }
        let credentials = try await sso.ensureClient(client)

        // Then it was created once and adopted once, with one secret
        #expect(sso.creations(of: client.clientID) == 1)
        #expect(sso.adoptions(of: client.clientID) == 1)
        #expect(credentials.clientSecret == sso.clients[client.clientID]?.secret)
    }

    @Test("a client deleted and created again gets a new secret; deleting a missing client is not an error")
    func recreatedClient() async throws {
        // Given a created client
        let sso = FakeIdentityProvider()
        let client = IdentityClient(clientID: "canary-abc", name: "canary", description: "canary")
        let first = try await sso.ensureClient(client)

        // When it is deleted twice and created again
        try await sso.deleteClient(clientID: "canary-abc")
        try await sso.deleteClient(clientID: "canary-abc")
        let second = try await sso.ensureClient(client)

        // Then the secret changed and the deletion counted once
        #expect(first.clientSecret != second.clientSecret)
        #expect(sso.deletions(of: "canary-abc") == 1)
        #expect(sso.creations(of: "canary-abc") == 2)
    }
}
