import KafkaFleetCore
import ServiceLifecycle

/// Plays the data plane in-process. On a real cluster an agent (kas-fleetshard) reads the kafkas it should run from
/// the control plane's agent API and reports how they are doing; this one runs no Kafka and calls `AgentService`
/// (what the agent API calls) directly. It reports its cluster ready, every kafka it is asked to run ready with
/// routes under the cluster's domain, and every kafka it is asked to remove gone; like a real agent, it reports only
/// what changed since its last report.
struct InProcessAgent: Service {
    /// The control plane's side of the agent protocol.
    let agentService: AgentService
    /// Where the agent's cluster is read from.
    let store: any FleetStore
    /// What wakes the agent: a change to a cluster, or a kafka handed to it or taken from it.
    let changes: any ChangeFeed
    /// The cluster this agent runs on.
    let clusterID: String

    /// What the agent last reported, so that it reports only changes.
    private struct LastReports {
        var cluster: DataPlaneClusterStatus?
        var kafkas: [String: DataPlaneKafkaStatus] = [:]
    }

    func run() async throws {
        let wakeUps = changes.wakeUps { change in
            change.kind == .cluster || change == .kafka(.provisioning) || change == .kafka(.deprovision)
        }
        var last = LastReports()
        try await report(since: &last)
        for await _ in wakeUps.cancelOnGracefulShutdown() {
            try await report(since: &last)
        }
    }

    /// One round of the agent protocol: read the desired kafkas, report the cluster and the kafkas that changed.
    private func report(since last: inout LastReports) async throws {
        guard let cluster = try await store.cluster(clusterID: clusterID), cluster.status.acceptsAgentReports else { return }
        let desired = try await agentService.desiredKafkas(of: cluster).items
        let clusterStatus = Self.clusterStatus(hosting: desired.count { !$0.spec.deleted })
        if clusterStatus != last.cluster {
            try await agentService.applyClusterStatus(clusterStatus, from: cluster)
            last.cluster = clusterStatus
        }
        var changed: [String: DataPlaneKafkaStatus] = [:]
        for kafka in desired {
            let status = Self.status(of: kafka, routerDomain: cluster.routeBaseDomain)
            if last.kafkas[kafka.id] != status { changed[kafka.id] = status }
        }
        guard !changed.isEmpty else { return }
        try await agentService.applyKafkaStatuses(changed, from: cluster)
        last.kafkas.merge(changed) { $1 }
    }

    /// A ready cluster with room for ten standard kafkas and one Strimzi operator.
    private static func clusterStatus(hosting kafkas: Int) -> DataPlaneClusterStatus {
        DataPlaneClusterStatus(
            conditions: [AgentCondition(type: "Ready", status: "True")],
            strimzi: [.init(version: "strimzi-cluster-operator.v0.32.0-3", ready: true, kafkaVersions: ["3.3.1"], kafkaIbpVersions: ["3.3"])],
            capacity: ["standard": .init(maxUnits: 10, remainingUnits: max(0, 10 - kafkas))]
        )
    }

    /// Gone when the kafka is marked deleted, else ready with its bootstrap and admin-server routes.
    private static func status(of kafka: ManagedKafka, routerDomain: String) -> DataPlaneKafkaStatus {
        if kafka.spec.deleted {
            return DataPlaneKafkaStatus(conditions: [AgentCondition(type: "Ready", reason: "Deleted", status: "False")])
        }
        let router = "router-default.\(routerDomain)"
        return DataPlaneKafkaStatus(
            conditions: [AgentCondition(type: "Ready", status: "True")], versions: kafka.spec.versions,
            routes: [.init(name: "bootstrap", prefix: "", router: router), .init(name: "admin-server", prefix: "admin-server", router: router)]
        )
    }
}
