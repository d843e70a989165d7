import Foundation

/// The reference's general kafka worker: publishes the count of kafkas per status, deprovisions kafkas whose
/// lifespan ended (developer instances after 48 hours) and kafkas of denied users.
public struct KafkaHousekeepingReconciler: Reconciler {
    public let workerType = "general_kafka_worker"
    private let environment: FleetEnvironment
    private let deniedUsers: Set<String>

    /// A reconciler over `environment`; kafkas owned by `deniedUsers` are deprovisioned.
    public init(environment: FleetEnvironment, deniedUsers: Set<String> = []) {
        self.environment = environment
        self.deniedUsers = deniedUsers
    }

    public func isInterested(in change: FleetChange) -> Bool { false }

    public func reconcile() async -> ReconcileReport {
        var report = ReconcileReport()
        do {
            let counts = try await environment.store.countKafkasByStatus()
            environment.observer.kafkaStatusCounts(counts)
        } catch {
            report.errors.append("cannot count kafkas: \(error)")
        }
        await deprovision(expired: &report)
        await deprovision(denied: &report)
        return report
    }

    private func deprovision(expired report: inout ReconcileReport) async {
        do {
            let expired = try await environment.store.expiredKafkas(at: environment.clock.now(), limit: environment.settings.pageSize)
            report.examined += expired.count
            report.pageWasFull = expired.count >= environment.settings.pageSize
            for kafka in expired {
                await deprovision(kafka, on: .expired, report: &report)
            }
        } catch {
            report.errors.append("cannot read expired kafkas: \(error)")
        }
    }

    private func deprovision(denied report: inout ReconcileReport) async {
        guard !deniedUsers.isEmpty else { return }
        let search = SearchExpression.and(
            .membership(.owner, deniedUsers.sorted(), negated: false),
            .membership(.status, KafkaStatus.deletingStatuses.map(\.rawValue).sorted(), negated: true)
        )
        do {
            let page = try await environment.store.listKafkas(KafkaListQuery(search: search, size: environment.settings.pageSize))
            report.examined += page.items.count
            for kafka in page.items {
                await deprovision(kafka, on: .ownerDenied, report: &report)
            }
        } catch {
            report.errors.append("cannot read kafkas of denied users: \(error)")
        }
    }

    private func deprovision(_ kafka: KafkaRequest, on event: KafkaLifecycle.Event, report: inout ReconcileReport) async {
        do {
            if try await environment.writer.apply(event, to: kafka)?.value != nil { report.changed += 1 }
        } catch {
            report.errors.append("kafka \(kafka.id): \(error)")
        }
    }
}
