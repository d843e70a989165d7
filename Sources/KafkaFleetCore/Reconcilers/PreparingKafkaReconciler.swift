import Foundation

/// Creates a preparing kafka's external resources (the DNS record of its bootstrap host and its canary
/// service account), then assigns its bootstrap host, namespace and placement and moves it to `provisioning`,
/// where its cluster's agent sees it. Each resource is recorded as soon as it exists, so a retry never creates
/// it twice. Retryable provider errors are retried until the preparing timeout; a provider's refusal fails the
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
            _ = try await environment.fail(current, reason: "Failed to prepare the instance: \(error.description)")
            return true
        }
    }

    private func prepare(_ original: KafkaRequest) async throws -> Bool {
        guard let cluster = try await environment.store.cluster(clusterID: original.clusterID) else {
            throw FleetError(.general, "cluster \(original.clusterID) of kafka \(original.id) does not exist")
        }
        let domain = environment.settings.kafkaDomainName
        var kafka = original
        if !kafka.bootstrapDNSCreated {
            let host = KafkaNaming.bootstrapHost(of: kafka, domain: domain)
            try await environment.dns.upsertRecords([DNSRecord(name: host, target: cluster.ingressHost)])
            var recorded = kafka
            recorded.bootstrapDNSCreated = true
            guard let stored = try await environment.write(recorded, over: kafka).value else { return false }
            kafka = stored
        }
        if kafka.canaryClientID.isEmpty || kafka.canaryClientSecret.isEmpty {
            let credentials = try await environment.identity.ensureClient(KafkaNaming.canaryClient(of: kafka))
            var recorded = kafka
            recorded.canaryClientID = credentials.clientID
            recorded.canaryClientSecret = credentials.clientSecret
            guard let stored = try await environment.write(recorded, over: kafka).value else { return false }
            kafka = stored
        }
        var provisioning = kafka
        provisioning.bootstrapServerHost = KafkaNaming.bootstrapHost(of: kafka, domain: domain)
        provisioning.namespace = KafkaNaming.namespace(of: kafka)
        provisioning.placementID = ResourceID.make(now: environment.clock.now())
        provisioning.status = .provisioning
        return try await environment.write(provisioning, over: kafka).value != nil
    }
}
