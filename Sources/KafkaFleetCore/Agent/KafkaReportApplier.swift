import Foundation

/// Applies one agent report to one kafka, following the reference's classification of the Ready condition,
/// with compare-and-set and a few retries when another writer moves first.
struct KafkaReportApplier {
    let environment: FleetEnvironment
    let cluster: DataPlaneCluster

    /// What the Ready condition says, in the reference's order of tests.
    enum Classification: Equatable {
        case suspended, ready, unknown, installing, deleted, error, rejectedClusterFull, rejected
    }

    static func classify(_ status: DataPlaneKafkaStatus) -> Classification {
        guard let ready = status.conditions?.first(where: { $0.type?.lowercased() == "ready" }) else { return .installing }
        let reason = ready.reason?.lowercased() ?? ""
        let state = ready.status?.lowercased() ?? ""
        if reason == "suspended" { return .suspended }
        if state == "true" { return .ready }
        if state == "unknown" { return .unknown }
        if reason == "installing" { return .installing }
        if reason == "deleted" { return .deleted }
        if reason == "error" { return .error }
        if reason == "rejected" {
            return ready.message?.lowercased() == "cluster has insufficient resources" ? .rejectedClusterFull : .rejected
        }
        return .installing
    }

    func apply(_ status: DataPlaneKafkaStatus, toKafka id: String) async throws {
        _ = try await ConflictRetry.run(attempts: 5) { () async throws -> ConflictRetry.Step<Void> in
            guard let kafka = try await environment.store.kafka(id: id), kafka.clusterID == cluster.clusterID else { return .finished(()) }
            let updated = next(kafka, status)
            guard updated != kafka else { return .finished(()) }
            return try await environment.write(updated, over: kafka).step().withoutValue
        }
    }

    /// The kafka after the report; equal to `kafka` when nothing changes.
    private func next(_ kafka: KafkaRequest, _ status: DataPlaneKafkaStatus) -> KafkaRequest {
        var updated = kafka
        let deleting = KafkaStatus.deletingStatuses.contains(kafka.status)
        let suspendedOrSuspending = kafka.status == .suspending || kafka.status == .suspended
        switch Self.classify(status) {
        case .suspended:
            if kafka.status == .suspending { updated.status = .suspended }
            // A resumed kafka is ready only once its agent reports it ready again, not on the report before suspension.
            updated.agentReportedReady = false
        case .ready:
            guard !suspendedOrSuspending, !deleting else { break }
            storeRoutes(status, into: &updated)
            updated.agentReportedReady = true
            if let url = status.adminServerURI, !url.isEmpty { updated.adminAPIServerURL = url }
        case .unknown:
            break
        case .installing:
            guard !deleting else { break }
            storeRoutes(status, into: &updated)
        case .deleted:
            if kafka.status == .deprovision { updated.status = .deleting }
        case .error:
            guard !suspendedOrSuspending, !deleting, kafka.status != .failed else { break }
            updated.status = .failed
            updated.failedReason = "Kafka reported as failed from the data plane"
        case .rejectedClusterFull:
            guard kafka.status == .provisioning, kafka.desiredBillingModel != "enterprise" else { break }
            updated.clusterID = ""
            updated.desiredVersions = KafkaVersions()
            updated.agentReportedReady = false
        case .rejected:
            if kafka.status == .provisioning { updated.placementID = ResourceID.make(now: environment.clock.now()) }
        }
        if deleting { return updated.status != kafka.status ? updated : kafka }
        if let versions = status.versions {
            if let v = versions.kafka, !v.isEmpty { updated.actualVersions.kafka = v }
            if let v = versions.strimzi, !v.isEmpty { updated.actualVersions.strimzi = v }
            if let v = versions.kafkaIbp, !v.isEmpty { updated.actualVersions.kafkaIBP = v }
        }
        if let ready = status.conditions?.first(where: { $0.type?.lowercased() == "ready" }) {
            updated.strimziUpgrading = ready.reason == "StrimziUpdating"
            updated.kafkaUpgrading = ready.reason == "KafkaUpdating"
            updated.kafkaIBPUpgrading = ready.reason == "KafkaIbpUpdating"
        }
        return updated
    }

    /// Stores the reported routes once, if every router lies under the cluster's base domain.
    private func storeRoutes(_ status: DataPlaneKafkaStatus, into kafka: inout KafkaRequest) {
        guard kafka.routes == nil, let reported = status.routes, !reported.isEmpty, !kafka.bootstrapServerHost.isEmpty else { return }
        let base = cluster.routeBaseDomain
        var routes: [KafkaRoute] = []
        for route in reported {
            guard let router = route.router, !base.isEmpty, router.hasSuffix(base) else {
                environment.logger.warning("route router outside the cluster domain; routes not stored",
                                           metadata: ["kafka_id": "\(kafka.id)", "router": "\(route.router ?? "")", "base_domain": "\(base)"])
                return
            }
            let prefix = route.prefix ?? ""
            routes.append(KafkaRoute(domain: prefix.isEmpty ? kafka.bootstrapServerHost : "\(prefix)-\(kafka.bootstrapServerHost)", router: router))
        }
        kafka.routes = routes
    }
}
