import Foundation

/// Creates a preparing kafka's external resources (the DNS record of its bootstrap host and its canary
/// service account), then assigns its bootstrap host, namespace and placement and moves it to `provisioning`,
/// where its cluster's agent sees it. Each resource is recorded as soon as it exists, so a retry never creates
/// it twice; when a DELETE moved the kafka meanwhile, the resource is recorded on the row all the same (for the
/// deleting worker to remove) or, once the row is gone, removed here (`ResourceSettlement`). Retryable provider errors are retried until the preparing timeout; a provider's refusal fails the
/// kafka at once.
public struct PreparingKafkaReconciler: Reconciler {
    public let workerType = "preparing_kafka"
    private let environment: FleetEnvironment
    private let backoff: ItemBackoff

    /// A reconciler over `environment`.
    public init(environment: FleetEnvironment, backoff: ItemBackoff = ItemBackoff()) {
        self.environment = environment
        self.backoff = backoff
    }

    public func isInterested(in change: FleetChange) -> Bool { change == .kafka(.preparing) }

    public func reconcile() async -> ReconcileReport {
        await KafkaPassRunner(environment: environment, backoff: backoff).run(
            page: { try await environment.store.kafkas(inStatuses: [.preparing], limit: environment.settings.pageSize) },
            advance: advance
        )
    }

    private func advance(_ original: KafkaRequest, now: Date) async throws -> Bool {
        do {
            return try await prepare(original)
        } catch let error as ProviderError {
            if error.isRetryable && original.age(at: now) < environment.settings.preparingTimeout { throw error }
            let current = try await environment.store.kafka(id: original.id) ?? original
            guard current.status == .preparing else { return false }
            _ = try await environment.writer.apply(.failed(reason: "Failed to prepare the instance: \(error.description)"), to: current)
            return true
        }
    }

    private func prepare(_ listed: KafkaRequest) async throws -> Bool {
        // The page was read earlier in the pass: a kafka deleted since must not get resources it would never lose.
        guard let original = try await environment.store.kafka(id: listed.id), original.status == .preparing else { return false }
        guard let cluster = try await environment.store.cluster(clusterID: original.clusterID) else {
            throw FleetError(.general, "cluster \(original.clusterID) of kafka \(original.id) does not exist")
        }
        let domain = environment.settings.kafkaDomainName
        var kafka = original
        if !kafka.bootstrapDNSCreated {
            let bootstrap = DNSRecord(name: KafkaNaming.bootstrapHost(of: kafka, domain: domain), target: cluster.ingressHost)
            try await environment.dns.upsertRecords([bootstrap])
            let settled = try await environment.settle(
                resourceOf: kafka.id, from: kafka, records: { $0.bootstrapDNSCreated }, record: { $0.bootstrapDNSCreated = true },
                remove: { try await environment.dns.deleteRecords([bootstrap]) })
            guard let settled, settled.status == .preparing else { return true }
            kafka = settled
        }
        if kafka.canaryClientID.isEmpty || kafka.canaryClientSecret.isEmpty {
            let credentials = try await environment.identity.ensureClient(KafkaNaming.canaryClient(of: kafka))
            let settled = try await environment.settle(
                resourceOf: kafka.id, from: kafka,
                records: { $0.canaryClientID == credentials.clientID && $0.canaryClientSecret == credentials.clientSecret },
                record: { $0.canaryClientID = credentials.clientID; $0.canaryClientSecret = credentials.clientSecret },
                remove: { try await environment.identity.deleteClient(clientID: credentials.clientID) })
            guard let settled, settled.status == .preparing else { return true }
            kafka = settled
        }
        let ready = KafkaLifecycle.Event.resourcesReady(
            bootstrapHost: KafkaNaming.bootstrapHost(of: kafka, domain: domain), namespace: KafkaNaming.namespace(of: kafka),
            placementID: ResourceID.make(now: environment.clock.now()))
        return try await environment.writer.apply(ready, to: kafka)?.value != nil
    }
}
