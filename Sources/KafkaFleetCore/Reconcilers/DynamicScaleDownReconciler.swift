import Foundation
import Logging

/// Shrinks the data-plane fleet (the reference's `dynamic_scale_down` worker): moves to `deprovisioning` the empty
/// ready managed clusters that `ScalingEvaluation` says the fleet can do without, which `ClusterReconciler` then
/// deletes. Writes are compare-and-set, and a cluster that gained a kafka since the table was read is kept. With
/// `enable_dynamic_data_plane_scale_down` off it only logs what it would remove (a dry run).
public struct DynamicScaleDownReconciler: Reconciler {
    public let workerType = "dynamic_scale_down"
    private let environment: FleetEnvironment
    private let evaluation: ScalingEvaluation
    private let configuration: DynamicScalingConfiguration

    /// A reconciler over `environment` that judges clusters against the locators of `providers` (sizes from the
    /// environment's instance-type catalogue), removing clusters only when `configuration` enables scale-down.
    public init(environment: FleetEnvironment, providers: ProviderCatalog, configuration: DynamicScalingConfiguration) {
        self.environment = environment
        self.evaluation = ScalingEvaluation(providers: providers, instanceTypes: environment.instanceTypes)
        self.configuration = configuration
    }

    public func isInterested(in change: FleetChange) -> Bool {
        change == .cluster(.ready) || change == .kafka(.deleting)
    }

    public func reconcile() async -> ReconcileReport {
        var report = ReconcileReport()
        let clusters: [DataPlaneCluster]
        let summary: FleetCapacitySummary
        do {
            clusters = try await environment.store.clusters(inStatuses: nil)
            summary = try await FleetCapacitySummary.read(clusters: clusters, from: environment.store)
        } catch {
            report.errors.append("cannot read the fleet's capacity: \(error)")
            return report
        }
        report.examined = clusters.count
        for choice in evaluation.scaleDownChoices(among: clusters, in: summary) {
            let cluster = choice.cluster
            let metadata: Logger.Metadata = ["cluster_id": "\(cluster.clusterID)", "reason": "\(choice.reason.rawValue)"]
            guard configuration.enableDynamicDataPlaneScaleDown else {
                environment.logger.info("dry run: a data-plane cluster would be removed", metadata: metadata)
                continue
            }
            do {
                if try await remove(cluster) {
                    report.changed += 1
                    environment.logger.info("data-plane cluster removed", metadata: metadata)
                }
            } catch {
                report.errors.append("scale-down of cluster \(cluster.clusterID): \(error)")
            }
        }
        return report
    }

    private func remove(_ cluster: DataPlaneCluster) async throws -> Bool {
        let hosted = try await environment.store.sumKafkas(KafkaFilter(clusterID: cluster.clusterID, excludingStatuses: [.deleting]),
                                                          measure: .instances)
        guard hosted == 0, case let .move(removed) = ClusterLifecycle.transition(cluster, on: .removalRequested).outcome else {
            return false
        }
        return try await environment.write(removed, over: cluster).value != nil
    }
}
