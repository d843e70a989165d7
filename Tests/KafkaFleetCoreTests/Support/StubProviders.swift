import KafkaFleetCore

/// A DNS provider keeping records in memory, for reconciler tests.
actor RecordingDNS: DNSProvider {
    private(set) var records: [String: String] = [:]
    private(set) var creations = 0

    func upsertRecords(_ records: [DNSRecord]) async throws {
        for record in records {
            if self.records[record.name] == nil { creations += 1 }
            self.records[record.name] = record.target
        }
    }

    func deleteRecords(_ records: [DNSRecord]) async throws {
        for record in records { self.records.removeValue(forKey: record.name) }
    }
}

/// An identity provider keeping clients in memory, for reconciler tests.
actor RecordingIdentity: IdentityProvider {
    private(set) var clients: [String: String] = [:]

    func ensureClient(_ client: IdentityClient) async throws -> ClientCredentials {
        let secret = clients[client.clientID] ?? "secret-\(client.clientID)"
        clients[client.clientID] = secret
        return ClientCredentials(clientID: client.clientID, clientSecret: secret)
    }

    func deleteClient(clientID: String) async throws { clients.removeValue(forKey: clientID) }
}

/// A quota service that grants everything, for reconciler tests.
struct GrantingQuota: QuotaService {
    let quotaType = "allow-all"

    func hasQuota(organisationID: String, owner: String, instanceType: InstanceTypeConfig) async throws -> Bool { true }

    func reserve(for kafka: KafkaRequest, instanceType: InstanceTypeConfig) async throws -> QuotaGrant {
        QuotaGrant(billingModel: kafka.desiredBillingModel.isEmpty ? "standard" : kafka.desiredBillingModel)
    }

    func release(for kafka: KafkaRequest) async throws {}

    func isEntitlementActive(for kafka: KafkaRequest) async throws -> Bool { true }
}
