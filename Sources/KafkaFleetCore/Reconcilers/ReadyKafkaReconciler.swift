import Foundation
import Synchronization

/// Keeps the external resources of ready kafkas in place: each pass walks one page of ready kafkas (moving on
/// through the list from pass to pass) and re-asserts their DNS records and canary service account. Both
/// provider calls are idempotent, so a resource that disappeared is created again and one that exists is left.
/// Each kafka is read again before its calls and after them (`ResourceSettlement`), so a kafka deleted during the
/// pass does not keep resources re-created for it.
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

    private func advance(_ listed: KafkaRequest, now: Date) async throws -> Bool {
        // The page was read earlier in the pass: a kafka deleted since must not get its resources back.
        guard let kafka = try await environment.store.kafka(id: listed.id), kafka.status == .ready else { return false }
        guard let cluster = try await environment.store.cluster(clusterID: kafka.clusterID) else { return false }
        let records = KafkaNaming.dnsRecords(of: kafka, domain: environment.settings.kafkaDomainName, ingress: cluster.ingressHost)
        if !records.isEmpty { try await environment.dns.upsertRecords(records) }
        let credentials = try await environment.identity.ensureClient(KafkaNaming.canaryClient(of: kafka))
        let recorded = { (row: KafkaRequest) in
            row.canaryClientID == credentials.clientID && row.canaryClientSecret == credentials.clientSecret
        }
        // A DELETE may have gone all the way through the deleting worker since the read above; the row read (or
        // written) after the calls says whether that worker still removes what they re-created.
        let settled = try await environment.settle(
            resourceOf: kafka.id, from: recorded(kafka) ? nil : kafka, records: recorded,
            record: { $0.canaryClientID = credentials.clientID; $0.canaryClientSecret = credentials.clientSecret },
            remove: {
                if !records.isEmpty { try await environment.dns.deleteRecords(records) }
                try await environment.identity.deleteClient(clientID: credentials.clientID)
            })
        return settled?.revision != kafka.revision
    }

    /// The page the next pass reads; wraps to the first page after the last.
    private final class Cursor: Sendable {
        private let page = Mutex(1)

        func next() -> Int { page.withLock { $0 } }

        func advance(wrapped: Bool) { page.withLock { $0 = wrapped ? 1 : $0 + 1 } }
    }
}
