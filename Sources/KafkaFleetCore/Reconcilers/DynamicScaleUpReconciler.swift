import Foundation
import Logging

/// Grows the data-plane fleet (the reference's `dynamic_scale_up` worker): for every configured provider, region
/// and instance type that `ScalingEvaluation` says needs room, it records a new managed OCM cluster in `accepted`,
/// which `ClusterReconciler` then creates and terraforms. A locator whose cluster is still being built gets no
/// second one, so passes can repeat safely. With `enable_dynamic_data_plane_scale_up` off it only logs what it
/// would add (a dry run).
public struct DynamicScaleUpReconciler: Reconciler {
    public let workerType = "dynamic_scale_up"
    private let environment: FleetEnvironment
    private let evaluation: ScalingEvaluation
    private let configuration: DynamicScalingConfiguration

    /// A reconciler over `environment` that scales the locators of `providers` (sizes from the environment's
    /// instance-type catalogue), adding clusters only when `configuration` enables scale-up.
    public init(environment: FleetEnvironment, providers: ProviderCatalog, configuration: DynamicScalingConfiguration) {
        self.environment = environment
        self.evaluation = ScalingEvaluation(providers: providers, instanceTypes: environment.instanceTypes)
        self.configuration = configuration
    }

    public func isInterested(in change: FleetChange) -> Bool {
        change.kind == .cluster || change == .kafka(.accepted) || change == .kafka(.preparing)
    }

    public func reconcile() async -> ReconcileReport {
        var report = ReconcileReport()
        let summary: FleetCapacitySummary
        do {
            let clusters = try await environment.store.clusters(inStatuses: nil)
            summary = try await FleetCapacitySummary.read(clusters: clusters, from: environment.store)
        } catch {
            report.errors.append("cannot read the fleet's capacity: \(error)")
            return report
        }
        for locator in evaluation.locators {
            report.examined += 1
            let decision = evaluation.scaleUpDecision(for: locator, in: summary)
            guard decision.needsScaleUp else { continue }
            let metadata: Logger.Metadata = ["locator": "\(locator)", "reason": "\(decision.rawValue)"]
            guard configuration.enableDynamicDataPlaneScaleUp else {
                environment.logger.info("dry run: a data-plane cluster would be added", metadata: metadata)
                continue
            }
            do {
                let cluster = try await environment.store.createCluster(newCluster(for: locator))
                report.changed += 1
                environment.logger.info("data-plane cluster added", metadata: metadata.merging(["cluster_id": "\(cluster.clusterID)"]) { $1 })
            } catch {
                report.errors.append("scale-up of \(locator): \(error)")
            }
        }
        return report
    }

    private func newCluster(for locator: ScalingLocator) -> DataPlaneCluster {
        let now = environment.clock.now()
        return DataPlaneCluster(
            id: ResourceID.make(now: now), clusterID: ResourceID.make(now: now), status: .accepted, providerType: .ocm,
            clusterType: .managed, cloudProvider: locator.cloudProvider, region: locator.region,
            multiAZ: locator.instanceType == "standard", clusterDNS: "", supportedInstanceTypes: [locator.instanceType], now: now
        )
    }
}
