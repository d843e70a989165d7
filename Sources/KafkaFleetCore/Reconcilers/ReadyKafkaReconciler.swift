import Foundation
import Synchronization

/// Keeps the external resources of ready kafkas in place: each pass walks one page of ready kafkas (moving on
/// through the list from pass to pass) and re-asserts their DNS records and canary service account. Both
/// provider calls are idempotent, so a resource that disappeared is created again and one that exists is left.
public struct ReadyKafkaReconciler: Reconciler {
    public let workerType = "ready_kafka"
    private let environment: FleetEnvironment
    private let backoff: ItemBackoff
    private let cursor = Cursor()

    /// A reconciler over `environment`.
    public init(environment: FleetEnvironment, backoff: ItemBackoff = ItemBackoff()) {
        self.environment = environment
        self.backoff = backoff
    }

    public func isInterested(in change: FleetChange) -> Bool { false }

    public func reconcile() async -> ReconcileReport {
        let size = environment.settings.pageSize
        var report = await KafkaPassRunner(environment: environment, backoff: backoff).run(
            page: {
                let page = cursor.next()
                let query = KafkaListQuery(search: .comparison(.status, .equal, KafkaStatus.ready.rawValue),
                                           ordering: [KafkaOrdering(.id)], page: page, size: size)
                let items = try await environment.store.listKafkas(query).items
                cursor.advance(wrapped: items.count < size)
                return items
            },
            advance: advance
        )
        report.pageWasFull = false
        return report
    }

    private func advance(_ kafka: KafkaRequest, now: Date) async throws -> Bool {
        guard let cluster = try await environment.store.cluster(clusterID: kafka.clusterID) else { return false }
        let records = KafkaNaming.dnsRecords(of: kafka, domain: environment.settings.kafkaDomainName, ingress: cluster.ingressHost)
        if !records.isEmpty { try await environment.dns.upsertRecords(records) }
        let credentials = try await environment.identity.ensureClient(KafkaNaming.canaryClient(of: kafka))
        guard credentials.clientID != kafka.canaryClientID || credentials.clientSecret != kafka.canaryClientSecret else { return false }
        var updated = kafka
        updated.canaryClientID = credentials.clientID
        updated.canaryClientSecret = credentials.clientSecret
        return try await environment.write(updated, over: kafka).value != nil
    }

    /// The page the next pass reads; wraps to the first page after the last.
    private final class Cursor: Sendable {
        private let page = Mutex(1)

        func next() -> Int { page.withLock { $0 } }

        func advance(wrapped: Bool) { page.withLock { $0 = wrapped ? 1 : $0 + 1 } }
    }
}
