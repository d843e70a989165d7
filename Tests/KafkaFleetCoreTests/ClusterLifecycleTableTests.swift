import Foundation
import KafkaFleetCore
import Testing

/// The data-plane cluster state machine, pair by pair: every status meets every event, and the table below says
/// what must happen. A status or an event added without a row here fails `everyPairIsInTheTable`.
@Suite("Cluster state machine, every status and event")
struct ClusterLifecycleTableTests {
    typealias Event = ClusterLifecycle.Event
    typealias Action = ClusterLifecycle.Action

    /// What a pair must come to.
    enum Expected: Hashable {
        case move(ClusterStatus, [Action])
        case stay
        case remove([Action])
        case refuse
    }

    static let reason = "the provider gave up"
    static let dns = "apps.c1.example.com"

    /// An event of each name, with details the table's rows check for.
    static func sample(_ name: Event.Name) -> Event {
        switch name {
        case .createdAtProvider: .createdAtProvider
        case .provisioned: .provisioned(dns: dns)
        case .provisioningFailed: .provisioningFailed(reason: reason)
        case .terraformed: .terraformed
        case .agentReportedReady: .agentReportedReady
        case .agentReportedNotReady: .agentReportedNotReady
        case .removalRequested: .removalRequested
        case .stillHostsKafkas: .stillHostsKafkas
        case .deletedAtProvider: .deletedAtProvider
        case .removalDue: .removalDue
        }
    }

    /// A cluster in `status` with an agent client.
    static func cluster(in status: ClusterStatus) -> DataPlaneCluster {
        var cluster = DataPlaneCluster(id: "c1", clusterID: "cluster-1", status: status, providerType: .standalone,
                                       cloudProvider: "aws", region: "us-east-1", multiAZ: true, clusterDNS: "",
                                       now: Date(timeIntervalSince1970: 1_700_000_000))
        cluster.clientID = "kas-fleetshard-agent-cluster-1"
        cluster.clientSecret = "secret"
        return cluster
    }

    /// `expected` for `status`, `otherwise` for every other status.
    static func only(_ status: ClusterStatus, _ expected: Expected, otherwise: Expected = .refuse) -> [ClusterStatus: Expected] {
        Dictionary(uniqueKeysWithValues: ClusterStatus.allCases.map { ($0, $0 == status ? expected : otherwise) })
    }

    /// The table, event by event, each with a row for every status.
    static let table: [Event.Name: [ClusterStatus: Expected]] = [
        .createdAtProvider: only(.accepted, .move(.provisioning, [])),
        .provisioned: only(.provisioning, .move(.provisioned, [])),
        .provisioningFailed: only(.provisioning, .move(.failed, [.recordFailure(reason: reason)])),
        .terraformed: only(.provisioned, .move(.waitingForAgent, [])),
        .agentReportedReady: [
            .accepted: .refuse, .provisioning: .refuse, .provisioned: .refuse, .waitingForAgent: .move(.ready, []),
            .ready: .stay, .failed: .refuse, .deprovisioning: .refuse, .cleanup: .refuse,
        ],
        .agentReportedNotReady: [
            .accepted: .refuse, .provisioning: .refuse, .provisioned: .refuse, .waitingForAgent: .stay,
            .ready: .move(.waitingForAgent, []), .failed: .refuse, .deprovisioning: .refuse, .cleanup: .refuse,
        ],
        .removalRequested: [
            .accepted: .move(.deprovisioning, []), .provisioning: .move(.deprovisioning, []),
            .provisioned: .move(.deprovisioning, []), .waitingForAgent: .move(.deprovisioning, []),
            .ready: .move(.deprovisioning, []), .failed: .move(.deprovisioning, []), .deprovisioning: .stay, .cleanup: .stay,
        ],
        .stillHostsKafkas: only(.deprovisioning, .move(.ready, [])),
        .deletedAtProvider: only(.deprovisioning, .move(.cleanup, [])),
        .removalDue: only(.cleanup, .remove([.deleteAgentClient(clientID: "kas-fleetshard-agent-cluster-1")])),
    ]

    @Test("every status meets every event in the table", arguments: ClusterStatus.allCases)
    func everyPairIsInTheTable(status: ClusterStatus) throws {
        let cluster = Self.cluster(in: status)
        for name in Event.Name.allCases {
            let expected = try #require(Self.table[name]?[status], "no row for \(status.rawValue) on \(name.rawValue)")
            let transition = ClusterLifecycle.transition(cluster, on: Self.sample(name))
            let pair = "\(status.rawValue) on \(name.rawValue)"
            switch expected {
            case let .move(next, actions):
                var row = cluster
                row.status = next
                if name == .provisioned { row.clusterDNS = Self.dns }
                #expect(transition.outcome == .move(row), "\(pair)")
                #expect(transition.actions == actions, "\(pair)")
            case .stay:
                #expect(transition.outcome == .stay && transition.actions.isEmpty, "\(pair)")
            case let .remove(actions):
                #expect(transition.outcome == .remove && transition.actions == actions, "\(pair)")
            case .refuse:
                #expect(transition.outcome == .refuse(ClusterLifecycle.Refusal(status: status, event: name)), "\(pair)")
                #expect(transition.actions.isEmpty, "\(pair)")
            }
        }
    }

    @Test("the diagram's edges are exactly the table's moves")
    func edgesAreTheMoves() {
        for status in ClusterStatus.allCases {
            let moves = Set(Event.Name.allCases.compactMap { name -> ClusterStatus? in
                guard case let .move(next, _)? = Self.table[name]?[status] else { return nil }
                return next
            })
            #expect(ClusterLifecycle.transitions[status, default: []] == moves, "\(status.rawValue)")
        }
    }

    @Test("a provider without a DNS name for the cluster keeps the one it had")
    func provisionedWithoutDNS() {
        var cluster = Self.cluster(in: .provisioning)
        cluster.clusterDNS = "apps.configured.example.com"
        #expect(ClusterLifecycle.transition(cluster, on: .provisioned(dns: "")).row(from: cluster).clusterDNS == "apps.configured.example.com")
        #expect(ClusterLifecycle.transition(cluster, on: .provisioned(dns: nil)).row(from: cluster).clusterDNS == "apps.configured.example.com")
    }

    @Test("a cluster whose agent client was never created is removed without deleting one")
    func removalWithoutAgentClient() {
        var cluster = Self.cluster(in: .cleanup)
        cluster.clientSecret = ""
        let transition = ClusterLifecycle.transition(cluster, on: .removalDue)
        #expect(transition.outcome == .remove && transition.actions.isEmpty)
    }
}
