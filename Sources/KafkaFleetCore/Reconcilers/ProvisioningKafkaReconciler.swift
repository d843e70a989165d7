public import Foundation

/// Watches kafkas that are in their agent's hands (`provisioning`, and `resuming` after a suspension):
/// creates the DNS records of the routes the agent reported, marks the kafka `ready` once the agent reported
/// it ready and those records exist, re-places a kafka its agent rejected for lack of room, and fails a kafka
/// whose agent stays silent past the provisioning timeout (the reference waits forever).
public struct ProvisioningKafkaReconciler: Reconciler {
    public let workerType = "provisioning_kafka"
    private let environment: FleetEnvironment
    private let backoff: ItemBackoff

    /// A reconciler over `environment`.
    public init(environment: FleetEnvironment, backoff: ItemBackoff = ItemBackoff()) {
        self.environment = environment
        self.backoff = backoff
    }

    public func isInterested(in change: FleetChange) -> Bool {
        change == .kafka(.provisioning) || change == .kafka(.resuming) || change == .cluster(.ready)
    }

    public func reconcile() async -> ReconcileReport {
        await KafkaPassRunner(environment: environment, backoff: backoff).run(
            page: { try await environment.store.kafkas(inStatuses: [.provisioning, .resuming], limit: environment.settings.pageSize) },
            advance: advance
        )
    }

    private func advance(_ original: KafkaRequest, now: Date) async throws -> Bool {
        var kafka = original
        if kafka.clusterID.isEmpty {
            guard let placed = try await KafkaPlacer(environment: environment).place(kafka) else { return false }
            return placed != original
        }
        if let routes = kafka.routes, !routes.isEmpty, !kafka.routesCreated {
            // The page was read earlier in the pass: a kafka deleted since must not get its records back.
            guard let fresh = try await environment.store.kafka(id: kafka.id), fresh.status == kafka.status, fresh.routes == kafka.routes,
                  !fresh.routesCreated
            else { return false }
            kafka = fresh
            guard let cluster = try await environment.store.cluster(clusterID: kafka.clusterID) else {
                throw FleetError(.general, "cluster \(kafka.clusterID) of kafka \(kafka.id) does not exist")
            }
            let records = KafkaNaming.dnsRecords(of: kafka, domain: environment.settings.kafkaDomainName, ingress: cluster.ingressHost)
            try await environment.dns.upsertRecords(records)
            let settled = try await environment.settle(
                resourceOf: kafka.id, from: kafka, records: { $0.routesCreated }, record: { $0.routesCreated = true },
                remove: { try await environment.dns.deleteRecords(records) })
            guard let settled, settled.status == kafka.status else { return true }
            kafka = settled
        }
        guard let event = Self.event(for: kafka, now: now, timeout: environment.settings.provisioningTimeout) else {
            return kafka != original
        }
        return try await environment.writer.apply(event, to: kafka)?.value != nil
    }

    /// What a placed kafka in its agent's hands calls for at `now`, or `nil` to wait: `ready` once the machine lets it
    /// (the agent reported it ready and its route records exist), failure when a `provisioning` kafka waited for that
    /// past `timeout`.
    public static func event(for kafka: KafkaRequest, now: Date, timeout: Duration) -> KafkaLifecycle.Event? {
        if case .move = KafkaLifecycle.transition(kafka, on: .agentReportedReady).outcome { return .agentReportedReady }
        guard kafka.status == .provisioning, kafka.timeInStatus(at: now) >= timeout else { return nil }
        return .failed(reason: "The data plane did not report the instance ready within \(Int(timeout.timeInterval / 60)) minutes.")
    }
}
