import Foundation

/// The kafka state machine: what an event does to a kafka. It decides and performs nothing; the writer, the
/// reconcilers, the services and the agent report applier carry out what it decides.
///
/// ```
///            prepared            resourcesReady             agentReportedReady
///  accepted ──────────► preparing ──────────────► provisioning ──────────────────► ready ◄─────────────┐
///     │                     │                          │                          │    │               │
///     └─────────────────────┴──────────┬───────────────┴──────────────────────────┘    │ suspend-      │ agentReported-
///                                      │ failed, agentReportedError                     │ Requested     │ Ready
///                                      ▼                 (also from resuming)           ▼               │
///                                   failed                                          suspending        resuming
///                                                                                       │               ▲
///                                                                agentReportedSuspended │               │ resumeRequested
///                                                                                       ▼               │
///                                                                                   suspended ──────────┘
///
///  any status but deprovision and deleting ── deleteRequested, expired, ownerDenied ──► deprovision
///  deprovision ── agentReportedDeleted ──► deleting
///  deleting, or deprovision without a bootstrap host (never reached an agent) ── removalDue ──► soft-deleted
///      (DNS records and canary client deleted, quota released; the row keeps its status, deleted_at is set)
/// ```
///
/// In words: `accepted → preparing → provisioning → ready` is the way up; `failed` can be reached from any status
/// on the way up (and from `ready` and `resuming`) when a worker gives up or the agent reports an error; an operator
/// suspends a `ready` kafka (`suspending → suspended`, the agent confirming) and resumes it (`resuming → ready`);
/// deletion goes `deprovision → deleting` (the agent confirming) and ends in a soft delete. Asking to delete a kafka
/// that is already being deleted changes nothing (the reference sends a `deleting` kafka back to `deprovision`).
public enum KafkaLifecycle {
    /// The status of a kafka just asked for.
    public static let initialStatus: KafkaStatus = .accepted

    /// What happened to a kafka.
    public enum Event: Sendable, Hashable {
        /// The accepted worker found its cluster's newest ready versions: the kafka is placed and can be prepared.
        case prepared(versions: KafkaVersions)
        /// The preparing worker created its bootstrap DNS record and canary client: it can go to its agent.
        case resourcesReady(bootstrapHost: String, namespace: String, placementID: String)
        /// The agent's last report said Ready and the DNS records of its routes exist.
        case agentReportedReady
        /// The agent reported the kafka suspended.
        case agentReportedSuspended
        /// The agent reported the kafka gone from its cluster.
        case agentReportedDeleted
        /// The agent reported the kafka in error.
        case agentReportedError
        /// A worker gave up on the kafka, for a reason a user can read.
        case failed(reason: String)
        /// Its owner or an org admin (public API) or an operator (admin API) asked to delete it.
        case deleteRequested
        /// Its lifespan (a developer instance's 48 hours) ended.
        case expired
        /// Its owner is on the deny list.
        case ownerDenied
        /// An operator asked to suspend it.
        case suspendRequested
        /// An operator asked to resume it.
        case resumeRequested
        /// The deleting worker took it up to remove its resources and soft-delete it.
        case removalDue

        /// The event's name, without its details.
        public var name: Name {
            switch self {
            case .prepared: .prepared
            case .resourcesReady: .resourcesReady
            case .agentReportedReady: .agentReportedReady
            case .agentReportedSuspended: .agentReportedSuspended
            case .agentReportedDeleted: .agentReportedDeleted
            case .agentReportedError: .agentReportedError
            case .failed: .failed
            case .deleteRequested: .deleteRequested
            case .expired: .expired
            case .ownerDenied: .ownerDenied
            case .suspendRequested: .suspendRequested
            case .resumeRequested: .resumeRequested
            case .removalDue: .removalDue
            }
        }

        /// The names of the events, one per case of `Event`, so that tables over every event can be checked complete.
        public enum Name: String, Sendable, Hashable, CaseIterable {
            case prepared, resourcesReady, agentReportedReady, agentReportedSuspended, agentReportedDeleted
            case agentReportedError, failed, deleteRequested, expired, ownerDenied, suspendRequested, resumeRequested
            case removalDue
        }
    }

    /// Something to carry out besides writing the kafka's row.
    public enum Action: Sendable, Hashable {
        /// Log the failure and count a failed creation (the reference's operation metrics).
        case recordFailure(reason: String)
        /// Count a successful creation and how long it took.
        case recordReady
        /// Log why the kafka is being deprovisioned.
        case recordDeprovision(why: String)
        /// Delete the kafka's DNS records (bootstrap host and routes).
        case deleteDNSRecords
        /// Delete the kafka's canary client.
        case deleteCanaryClient(clientID: String)
        /// Release the kafka's quota.
        case releaseQuota
        /// Count a finished deletion.
        case recordDeleted
    }

    /// An event the kafka's status does not allow; callers map it to their error codes.
    public struct Refusal: Error, Sendable, Hashable, CustomStringConvertible {
        /// The status the kafka was in.
        public var status: KafkaStatus
        /// The event that was refused.
        public var event: Event.Name

        /// A refusal of `event` in `status`.
        public init(status: KafkaStatus, event: Event.Name) {
            self.status = status
            self.event = event
        }

        public var description: String { "a \(status.rawValue) kafka cannot take \(event.rawValue)" }
    }

    /// What an event comes to: the row to write or why there is none, and the actions besides.
    public typealias Transition = LifecycleTransition<KafkaRequest, Action, Refusal>

    /// Statuses a kafka can fail from: on its way up, in service, and resuming.
    private static let failable: Set<KafkaStatus> = [.accepted, .preparing, .provisioning, .ready, .resuming]

    /// The agent's reason for a kafka it reported in error.
    public static let agentErrorReason = "Kafka reported as failed from the data plane"

    /// What `event` does to `kafka`.
    public static func transition(_ kafka: KafkaRequest, on event: Event) -> Transition {
        let status = kafka.status
        let refuse = Transition(.refuse(Refusal(status: status, event: event.name)))
        func move(to next: KafkaStatus, actions: [Action] = [], _ change: (inout KafkaRequest) -> Void = { _ in }) -> Transition {
            var row = kafka
            row.status = next
            change(&row)
            return Transition(.move(row), actions: actions)
        }
        switch event {
        case let .prepared(versions):
            guard status == .accepted else { return refuse }
            return move(to: .preparing) { $0.desiredVersions = versions }

        case let .resourcesReady(bootstrapHost, namespace, placementID):
            guard status == .preparing else { return refuse }
            return move(to: .provisioning) {
                $0.bootstrapServerHost = bootstrapHost
                $0.namespace = namespace
                $0.placementID = placementID
            }

        case .agentReportedReady:
            switch status {
            case .provisioning, .resuming:
                guard kafka.agentReportedReady && kafka.routesCreated else { return Transition(.stay) }
                return move(to: .ready, actions: status == .provisioning ? [.recordReady] : []) { $0.failedReason = "" }
            case .ready: return Transition(.stay)
            default: return refuse
            }

        case .agentReportedSuspended:
            // The agent's Ready report from before the suspension no longer counts: a resumed kafka is ready only
            // once its agent reports it ready again.
            return status == .suspending ? move(to: .suspended) { $0.agentReportedReady = false } : Transition(.stay)

        case .agentReportedDeleted:
            return status == .deprovision ? move(to: .deleting) : Transition(.stay)

        case .agentReportedError:
            guard failable.contains(status) else { return Transition(.stay) }
            return move(to: .failed) { $0.failedReason = agentErrorReason }

        case let .failed(reason):
            guard failable.contains(status) else { return refuse }
            return move(to: .failed, actions: [.recordFailure(reason: reason)]) { $0.failedReason = reason }

        case .deleteRequested:
            return deprovision(kafka, actions: [])

        case .expired:
            return deprovision(kafka, actions: [.recordDeprovision(why: "expired")])

        case .ownerDenied:
            return deprovision(kafka, actions: [.recordDeprovision(why: "owner is denied")])

        case .suspendRequested:
            guard status == .ready else { return refuse }
            return move(to: .suspending)

        case .resumeRequested:
            guard status == .suspended else { return refuse }
            return move(to: .resuming)

        case .removalDue:
            guard status == .deleting || (status == .deprovision && kafka.bootstrapServerHost.isEmpty) else { return refuse }
            var actions: [Action] = [.deleteDNSRecords]
            if !kafka.canaryClientID.isEmpty { actions.append(.deleteCanaryClient(clientID: kafka.canaryClientID)) }
            actions += [.releaseQuota, .recordDeleted]
            return Transition(.remove, actions: actions)
        }
    }

    /// Deletion, however asked for: to `deprovision`, or nothing when the kafka is already being deleted.
    private static func deprovision(_ kafka: KafkaRequest, actions: [Action]) -> Transition {
        guard !KafkaStatus.deletingStatuses.contains(kafka.status) else { return Transition(.stay) }
        var row = kafka
        row.status = .deprovision
        return Transition(.move(row), actions: actions)
    }

    /// Whether some event moves a kafka in `current` to `next`: the edges of the diagram above. The writer checks
    /// every status change against it as a last safety net. Staying in the same status is not a transition.
    public static func canMove(from current: KafkaStatus, to next: KafkaStatus) -> Bool {
        transitions[current, default: []].contains(next)
    }

    /// The edges of the diagram, computed from the machine: for each status, the statuses some event moves it to.
    public static let transitions: [KafkaStatus: Set<KafkaStatus>] = {
        var edges: [KafkaStatus: Set<KafkaStatus>] = [:]
        var probe = KafkaRequest(id: "", name: "", owner: "", organisationID: "", cloudProvider: "", region: "",
                                 instanceType: "", sizeID: "", multiAZ: false, now: .distantPast)
        probe.agentReportedReady = true
        probe.routesCreated = true
        for status in KafkaStatus.allCases {
            probe.status = status
            edges[status] = Set(Event.Name.allCases.compactMap { name -> KafkaStatus? in
                let next = KafkaLifecycle.transition(probe, on: KafkaLifecycle.representative(of: name)).row(from: probe).status
                return next == status ? nil : next
            })
        }
        return edges
    }()

    /// An event of each name, with empty details: the details never decide where an event leads.
    private static func representative(of name: Event.Name) -> Event {
        switch name {
        case .prepared: .prepared(versions: KafkaVersions())
        case .resourcesReady: .resourcesReady(bootstrapHost: "", namespace: "", placementID: "")
        case .agentReportedReady: .agentReportedReady
        case .agentReportedSuspended: .agentReportedSuspended
        case .agentReportedDeleted: .agentReportedDeleted
        case .agentReportedError: .agentReportedError
        case .failed: .failed(reason: "")
        case .deleteRequested: .deleteRequested
        case .expired: .expired
        case .ownerDenied: .ownerDenied
        case .suspendRequested: .suspendRequested
        case .resumeRequested: .resumeRequested
        case .removalDue: .removalDue
        }
    }
}
