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
        KafkaLifecycle.transition(kafka, on: .removalDue).outcome == .remove
    }

    private func advance(_ kafka: KafkaRequest, now: Date) async throws -> Bool {
        let removal = KafkaLifecycle.transition(kafka, on: .removalDue)
        for action in removal.actions { try await perform(action, for: kafka) }
        return try await environment.writer.carryOut(removal, on: kafka)?.value != nil
    }

    /// Carries out the removal's actions that reach a provider; the writer performs the bookkeeping ones.
    private func perform(_ action: KafkaLifecycle.Action, for kafka: KafkaRequest) async throws {
        switch action {
        case .deleteDNSRecords:
            let cluster = kafka.clusterID.isEmpty ? nil : try await environment.store.cluster(clusterID: kafka.clusterID)
            let records = KafkaNaming.dnsRecords(of: kafka, domain: environment.settings.kafkaDomainName,
                                                 ingress: cluster?.ingressHost ?? "")
            if !records.isEmpty { try await environment.dns.deleteRecords(records) }
        case let .deleteCanaryClient(clientID):
            try await environment.identity.deleteClient(clientID: clientID)
        case .releaseQuota:
            try await environment.quota.release(for: kafka)
        case .recordFailure, .recordReady, .recordDeprovision, .recordDeleted:
            break
        }
    }
}
