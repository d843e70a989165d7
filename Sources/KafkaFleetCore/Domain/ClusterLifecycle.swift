import Foundation

/// The data-plane cluster state machine: what an event does to a cluster. It decides and performs nothing; the
/// cluster reconciler, the agent service, the enterprise cluster service, the configuration sync and the scale-down
/// worker carry out what it decides.
///
/// ```
///                     createdAtProvider                provisioned                  terraformed
///  cluster_accepted ───────────────────► cluster_provisioning ──────────► cluster_provisioned ──────────► waiting_for_kas_fleetshard_operator
///                                                │                                                          │        ▲
///                                                │ provisioningFailed                    agentReportedReady │        │ agentReportedNotReady
///                                                ▼                                                          ▼        │
///                                             failed                                                       ready ────┘
///                                                                                                            ▲
///  every status above ── removalRequested ──► deprovisioning ── stillHostsKafkas ───────────────────────────┘
///                                                   │
///                                                   └── deletedAtProvider ──► cleanup ── removalDue ──► soft-deleted (agent client deleted)
/// ```
public enum ClusterLifecycle {
    /// What happened to a cluster.
    public enum Event: Sendable, Hashable {
        /// Its provider accepted the request to create it.
        case createdAtProvider
        /// Its provider reports it created, with its DNS name when it has one.
        case provisioned(dns: String?)
        /// Its provider reports that creating it failed.
        case provisioningFailed(reason: String)
        /// Its agent client exists and the provider installed the operators.
        case terraformed
        /// Its agent reported it Ready.
        case agentReportedReady
        /// Its agent reported it not Ready.
        case agentReportedNotReady
        /// It was deregistered, dropped from the configuration or scaled down.
        case removalRequested
        /// It is being removed but still hosts kafkas.
        case stillHostsKafkas
        /// Its provider deleted it.
        case deletedAtProvider
        /// The cluster worker took it up to remove its agent client and soft-delete it.
        case removalDue

        /// The event's name, without its details.
        public var name: Name {
            switch self {
            case .createdAtProvider: .createdAtProvider
            case .provisioned: .provisioned
            case .provisioningFailed: .provisioningFailed
            case .terraformed: .terraformed
            case .agentReportedReady: .agentReportedReady
            case .agentReportedNotReady: .agentReportedNotReady
            case .removalRequested: .removalRequested
            case .stillHostsKafkas: .stillHostsKafkas
            case .deletedAtProvider: .deletedAtProvider
            case .removalDue: .removalDue
            }
        }

        /// The names of the events, one per case of `Event`, so that tables over every event can be checked complete.
        public enum Name: String, Sendable, Hashable, CaseIterable {
            case createdAtProvider, provisioned, provisioningFailed, terraformed, agentReportedReady, agentReportedNotReady
            case removalRequested, stillHostsKafkas, deletedAtProvider, removalDue
        }
    }

    /// Something to carry out besides writing the cluster's row.
    public enum Action: Sendable, Hashable {
        /// Log why the cluster failed.
        case recordFailure(reason: String)
        /// Delete the cluster's agent client.
        case deleteAgentClient(clientID: String)
    }

    /// An event the cluster's status does not allow.
    public struct Refusal: Error, Sendable, Hashable, CustomStringConvertible {
        /// The status the cluster was in.
        public var status: ClusterStatus
        /// The event that was refused.
        public var event: Event.Name

        /// A refusal of `event` in `status`.
        public init(status: ClusterStatus, event: Event.Name) {
            self.status = status
            self.event = event
        }

        public var description: String { "a \(status.rawValue) cluster cannot take \(event.rawValue)" }
    }

    /// What an event comes to: the row to write or why there is none, and the actions besides.
    public typealias Transition = LifecycleTransition<DataPlaneCluster, Action, Refusal>

    /// What `event` does to `cluster`.
    public static func transition(_ cluster: DataPlaneCluster, on event: Event) -> Transition {
        let status = cluster.status
        let refuse = Transition(.refuse(Refusal(status: status, event: event.name)))
        func move(from source: ClusterStatus, to next: ClusterStatus, actions: [Action] = [],
                  _ change: (inout DataPlaneCluster) -> Void = { _ in }) -> Transition {
            guard status == source else { return refuse }
            var row = cluster
            row.status = next
            change(&row)
            return Transition(.move(row), actions: actions)
        }
        switch event {
        case .createdAtProvider:
            return move(from: .accepted, to: .provisioning)
        case let .provisioned(dns):
            return move(from: .provisioning, to: .provisioned) { row in
                if let dns, !dns.isEmpty { row.clusterDNS = dns }
            }
        case let .provisioningFailed(reason):
            return move(from: .provisioning, to: .failed, actions: [.recordFailure(reason: reason)])
        case .terraformed:
            return move(from: .provisioned, to: .waitingForAgent)
        case .agentReportedReady:
            return status == .ready ? Transition(.stay) : move(from: .waitingForAgent, to: .ready)
        case .agentReportedNotReady:
            return status == .waitingForAgent ? Transition(.stay) : move(from: .ready, to: .waitingForAgent)
        case .removalRequested:
            switch status {
            case .deprovisioning, .cleanup: return Transition(.stay)
            case .accepted, .provisioning, .provisioned, .waitingForAgent, .ready, .failed:
                var row = cluster
                row.status = .deprovisioning
                return Transition(.move(row))
            }
        case .stillHostsKafkas:
            return move(from: .deprovisioning, to: .ready)
        case .deletedAtProvider:
            return move(from: .deprovisioning, to: .cleanup)
        case .removalDue:
            guard status == .cleanup else { return refuse }
            return Transition(.remove, actions: cluster.clientSecret.isEmpty ? [] : [.deleteAgentClient(clientID: cluster.clientID)])
        }
    }

    /// Whether some event moves a cluster in `current` to `next`: the edges of the diagram above. The conditional
    /// write checks every status change against it. Staying in the same status is not a transition.
    public static func canMove(from current: ClusterStatus, to next: ClusterStatus) -> Bool {
        transitions[current, default: []].contains(next)
    }

    /// The edges of the diagram, computed from the machine: for each status, the statuses some event moves it to.
    public static let transitions: [ClusterStatus: Set<ClusterStatus>] = {
        var edges: [ClusterStatus: Set<ClusterStatus>] = [:]
        var probe = DataPlaneCluster(id: "", clusterID: "", status: .accepted, providerType: .standalone, cloudProvider: "",
                                     region: "", multiAZ: false, clusterDNS: "", now: .distantPast)
        for status in ClusterStatus.allCases {
            probe.status = status
            edges[status] = Set(Event.Name.allCases.compactMap { name -> ClusterStatus? in
                let next = ClusterLifecycle.transition(probe, on: ClusterLifecycle.representative(of: name)).row(from: probe).status
                return next == status ? nil : next
            })
        }
        return edges
    }()

    /// An event of each name, with empty details: the details never decide where an event leads.
    private static func representative(of name: Event.Name) -> Event {
        switch name {
        case .createdAtProvider: .createdAtProvider
        case .provisioned: .provisioned(dns: nil)
        case .provisioningFailed: .provisioningFailed(reason: "")
        case .terraformed: .terraformed
        case .agentReportedReady: .agentReportedReady
        case .agentReportedNotReady: .agentReportedNotReady
        case .removalRequested: .removalRequested
        case .stillHostsKafkas: .stillHostsKafkas
        case .deletedAtProvider: .deletedAtProvider
        case .removalDue: .removalDue
        }
    }
}
