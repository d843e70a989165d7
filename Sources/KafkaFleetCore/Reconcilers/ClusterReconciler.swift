import Foundation

/// Prepares data-plane clusters and takes them down, one step per pass per cluster, through their provider:
/// accepted → provisioning (create) → provisioned (created) → waiting for the agent (agent client and operators
/// installed: "terraforming") → ready (the agent's first Ready report, applied by `AgentService`); and
/// deprovisioning → cleanup (deleted at the provider) → soft-deleted (agent client removed). A deprovisioning
/// cluster that still hosts kafkas goes back to ready.
public struct ClusterReconciler: Reconciler {
    public let workerType = "cluster"
    private let environment: FleetEnvironment
    private let providers: [ClusterProviderType: any ClusterProvider]
    private let configuration: ClusterConfigurationSync?
    private let backoff: ItemBackoff

    /// A reconciler using `providers` per provider type; `configuration`, when given, keeps the store in line with a
    /// list of configured clusters before each pass.
    public init(environment: FleetEnvironment, providers: [ClusterProviderType: any ClusterProvider],
                configuration: ClusterConfigurationSync? = nil, backoff: ItemBackoff = ItemBackoff()) {
        self.environment = environment
        self.providers = providers
        self.configuration = configuration
        self.backoff = backoff
    }

    public func isInterested(in change: FleetChange) -> Bool {
        change.kind == .cluster && change.status != ClusterStatus.ready.rawValue && change.status != ClusterStatus.waitingForAgent.rawValue
    }

    public func reconcile() async -> ReconcileReport {
        var report = ReconcileReport()
        if let configuration {
            do { report.changed += try await configuration.apply() } catch { report.errors.append("cluster configuration: \(error)") }
        }
        let clusters: [DataPlaneCluster]
        do {
            clusters = try await environment.store.clusters(inStatuses: nil)
        } catch {
            report.errors.append("cannot read clusters: \(error)")
            return report
        }
        let now = environment.clock.now()
        for cluster in clusters where backoff.mayAttempt(cluster.id, now: now) {
            report.examined += 1
            do {
                if try await advance(cluster) { report.changed += 1 }
                backoff.recordSuccess(cluster.id)
            } catch {
                backoff.recordFailure(cluster.id, now: now)
                report.errors.append("cluster \(cluster.clusterID): \(error)")
            }
        }
        report.retryAfter = backoff.nextRetry(after: environment.clock.now())
        return report
    }

    private func provider(for cluster: DataPlaneCluster) throws -> any ClusterProvider {
        guard let provider = providers[cluster.providerType] else {
            throw FleetError(.general, "no cluster provider of type \(cluster.providerType.rawValue) is configured")
        }
        return provider
    }

    private func advance(_ cluster: DataPlaneCluster) async throws -> Bool {
        var changed = cluster
        let event: ClusterLifecycle.Event
        switch cluster.status {
        case .accepted:
            changed = try await provider(for: cluster).createCluster(cluster)
            event = .createdAtProvider
        case .provisioning:
            switch try await provider(for: cluster).provisioningState(of: cluster) {
            case .provisioning: return false
            case let .provisioned(dns): event = .provisioned(dns: dns)
            case let .failed(reason): event = .provisioningFailed(reason: reason)
            }
        case .provisioned:
            if cluster.clientSecret.isEmpty { return try await createAgentClient(of: cluster) }
            let credentials = ClientCredentials(clientID: cluster.clientID, clientSecret: cluster.clientSecret)
            guard try await provider(for: cluster).terraform(cluster, agentCredentials: credentials) else { return false }
            event = .terraformed
        case .deprovisioning:
            let hosted = try await environment.store.sumKafkas(KafkaFilter(clusterID: cluster.clusterID, excludingStatuses: [.deleting]),
                                                              measure: .instances)
            if hosted > 0 {
                event = .stillHostsKafkas
            } else if try await provider(for: cluster).deleteCluster(cluster) {
                event = .deletedAtProvider
            } else {
                return false
            }
        case .cleanup:
            event = .removalDue
        case .waitingForAgent, .ready, .failed:
            return false
        }
        return try await carryOut(ClusterLifecycle.transition(changed, on: event), over: cluster)
    }

    /// Performs the transition's actions, then writes its row over `cluster` (or soft-deletes `cluster` for a removal).
    private func carryOut(_ transition: ClusterLifecycle.Transition, over cluster: DataPlaneCluster) async throws -> Bool {
        for action in transition.actions {
            switch action {
            case let .recordFailure(reason):
                environment.logger.warning("cluster failed", metadata: ["cluster_id": "\(cluster.clusterID)", "reason": "\(reason)"])
            case let .deleteAgentClient(clientID):
                try await environment.identity.deleteClient(clientID: clientID)
            }
        }
        switch transition.outcome {
        case let .refuse(refusal): throw refusal
        case .stay: return false
        case let .move(row): return try await environment.write(row, over: cluster).value != nil
        case .remove: return try await environment.store.softDeleteCluster(cluster, expecting: cluster.status, at: environment.clock.now())
        }
    }

    /// Creates the agent client of a provisioned cluster and records it on the row (settled against a concurrent
    /// deletion, `ResourceSettlement`), then goes on with the cluster as recorded.
    private func createAgentClient(of listed: DataPlaneCluster) async throws -> Bool {
        // The list was read earlier in the pass: a cluster deleted since must not get a client it would never lose.
        guard let cluster = try await environment.store.cluster(clusterID: listed.clusterID), cluster.status == .provisioned,
              cluster.clientSecret.isEmpty
        else { return false }
        let client = IdentityClient(clientID: cluster.clientID, name: cluster.clientID,
                                    description: "agent of data-plane cluster \(cluster.clusterID)")
        let credentials = try await environment.identity.ensureClient(client)
        let settled = try await environment.settle(
            resourceOfCluster: cluster.clusterID, from: cluster,
            records: { $0.clientID == credentials.clientID && $0.clientSecret == credentials.clientSecret },
            record: { $0.clientID = credentials.clientID; $0.clientSecret = credentials.clientSecret },
            remove: { try await environment.identity.deleteClient(clientID: credentials.clientID) })
        guard let settled, settled.status == .provisioned, !settled.clientSecret.isEmpty else { return true }
        _ = try await advance(settled)
        return true
    }
}
