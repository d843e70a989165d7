import Foundation

/// Finishes deletions: for kafkas the agent reported gone (`deleting`), and for `deprovision` kafkas that never
/// reached an agent (no bootstrap host), removes their DNS records and canary service account, releases their
/// quota and soft-deletes them. Every step is idempotent, so a failed step is simply retried.
public struct DeletingKafkaReconciler: Reconciler {
    public let workerType = "deleting_kafka"
    private let environment: FleetEnvironment
    private let backoff: ItemBackoff

    /// A reconciler over `environment`.
    public init(environment: FleetEnvironment, backoff: ItemBackoff = ItemBackoff()) {
        self.environment = environment
        self.backoff = backoff
    }

    public func isInterested(in change: FleetChange) -> Bool {
        change == .kafka(.deleting) || change == .kafka(.deprovision)
    }

    public func reconcile() async -> ReconcileReport {
        await KafkaPassRunner(environment: environment, backoff: backoff).run(
            page: {
                try await environment.store.kafkas(inStatuses: [.deleting, .deprovision], limit: environment.settings.pageSize)
                    .filter(Self.removesResources(of:))
            },
            advance: advance
        )
    }

    /// Whether this worker removes `kafka`'s resources: the agent reported it gone, or it never reached an agent.
    /// The row it removes them from is the one its soft delete expects (revision included), so a resource recorded
    /// after its read makes the soft delete fail and the next pass removes that resource too.
    static func removesResources(of kafka: KafkaRequest) -> Bool {
        kafka.status == .deleting || (kafka.status == .deprovision && kafka.bootstrapServerHost.isEmpty)
    }

    private func advance(_ kafka: KafkaRequest, now: Date) async throws -> Bool {
        let cluster = kafka.clusterID.isEmpty ? nil : try await environment.store.cluster(clusterID: kafka.clusterID)
        let records = KafkaNaming.dnsRecords(of: kafka, domain: environment.settings.kafkaDomainName,
                                             ingress: cluster?.ingressHost ?? "")
        if !records.isEmpty { try await environment.dns.deleteRecords(records) }
        if !kafka.canaryClientID.isEmpty { try await environment.identity.deleteClient(clientID: kafka.canaryClientID) }
        try await environment.quota.release(for: kafka)
        let deleted = try await environment.store.softDeleteKafka(kafka, expecting: kafka.status, at: environment.clock.now())
        if deleted {
            environment.logger.info("kafka deleted", metadata: ["kafka_id": "\(kafka.id)"])
            OperationMetrics.kafkaDeleted()
        }
        return deleted
    }
}
