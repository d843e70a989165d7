import Foundation
import KafkaFleetCore
import Testing

/// The kafka state machine, pair by pair: every status meets every event, and the table below says what must
/// happen. A status or an event added without a row here fails `everyPairIsInTheTable`.
@Suite("Kafka state machine, every status and event")
struct KafkaLifecycleTableTests {
    typealias Event = KafkaLifecycle.Event
    typealias Action = KafkaLifecycle.Action

    /// What a pair must come to.
    enum Expected: Hashable, CustomStringConvertible {
        case move(KafkaStatus, [Action])
        case stay
        case remove([Action])
        case refuse

        var description: String {
            switch self {
            case let .move(status, actions): "move to \(status.rawValue) \(actions)"
            case .stay: "stay"
            case let .remove(actions): "remove \(actions)"
            case .refuse: "refuse"
            }
        }
    }

    static let reason = "the worker gave up"
    static let versions = KafkaVersions(kafka: "3.6.0", strimzi: "strimzi-cluster-operator.v0.39.0-0", kafkaIBP: "3.6")
    static let removal: [Action] = [.deleteDNSRecords, .deleteCanaryClient(clientID: "canary-1"), .releaseQuota, .recordDeleted]

    /// An event of each name, with details the table's rows check for.
    static func sample(_ name: Event.Name) -> Event {
        switch name {
        case .prepared: .prepared(versions: versions)
        case .resourcesReady: .resourcesReady(bootstrapHost: "demo-abc.kafka.example.com", namespace: "kafka-abc", placementID: "p-1")
        case .agentReportedReady: .agentReportedReady
        case .agentReportedSuspended: .agentReportedSuspended
        case .agentReportedDeleted: .agentReportedDeleted
        case .agentReportedError: .agentReportedError
        case .failed: .failed(reason: reason)
        case .deleteRequested: .deleteRequested
        case .expired: .expired
        case .ownerDenied: .ownerDenied
        case .suspendRequested: .suspendRequested
        case .resumeRequested: .resumeRequested
        case .removalDue: .removalDue
        }
    }

    /// A kafka in `status` whose agent reported it ready with its route records in place, with a canary client and no
    /// bootstrap host (so that a `deprovision` one never reached an agent).
    static func kafka(in status: KafkaStatus) -> KafkaRequest {
        var kafka = KafkaRequest(id: "abc", name: "demo", owner: "alice", organisationID: "org-1", cloudProvider: "aws",
                                 region: "us-east-1", instanceType: "standard", sizeID: "x1", multiAZ: true,
                                 now: Date(timeIntervalSince1970: 1_700_000_000))
        kafka.status = status
        kafka.agentReportedReady = true
        kafka.routesCreated = true
        kafka.canaryClientID = "canary-1"
        kafka.failedReason = status == .failed ? "earlier" : ""
        return kafka
    }

    /// Deletion asked for in any way: to `deprovision` from any status not being deleted already.
    static func deletion(_ actions: [Action]) -> [KafkaStatus: Expected] {
        Dictionary(uniqueKeysWithValues: KafkaStatus.allCases.map { status in
            (status, KafkaStatus.deletingStatuses.contains(status) ? .stay : .move(.deprovision, actions))
        })
    }

    /// The table, event by event, each with a row for every status.
    static let table: [Event.Name: [KafkaStatus: Expected]] = [
        .prepared: [
            .accepted: .move(.preparing, []), .preparing: .refuse, .provisioning: .refuse, .ready: .refuse, .failed: .refuse,
            .deprovision: .refuse, .deleting: .refuse, .suspending: .refuse, .suspended: .refuse, .resuming: .refuse,
        ],
        .resourcesReady: [
            .accepted: .refuse, .preparing: .move(.provisioning, []), .provisioning: .refuse, .ready: .refuse, .failed: .refuse,
            .deprovision: .refuse, .deleting: .refuse, .suspending: .refuse, .suspended: .refuse, .resuming: .refuse,
        ],
        .agentReportedReady: [
            .accepted: .refuse, .preparing: .refuse, .provisioning: .move(.ready, [.recordReady]), .ready: .stay,
            .failed: .refuse, .deprovision: .refuse, .deleting: .refuse, .suspending: .refuse, .suspended: .refuse,
            .resuming: .move(.ready, []),
        ],
        .agentReportedSuspended: [
            .accepted: .stay, .preparing: .stay, .provisioning: .stay, .ready: .stay, .failed: .stay,
            .deprovision: .stay, .deleting: .stay, .suspending: .move(.suspended, []), .suspended: .stay, .resuming: .stay,
        ],
        .agentReportedDeleted: [
            .accepted: .stay, .preparing: .stay, .provisioning: .stay, .ready: .stay, .failed: .stay,
            .deprovision: .move(.deleting, []), .deleting: .stay, .suspending: .stay, .suspended: .stay, .resuming: .stay,
        ],
        .agentReportedError: [
            .accepted: .move(.failed, []), .preparing: .move(.failed, []), .provisioning: .move(.failed, []),
            .ready: .move(.failed, []), .failed: .stay, .deprovision: .stay, .deleting: .stay, .suspending: .stay,
            .suspended: .stay, .resuming: .move(.failed, []),
        ],
        .failed: [
            .accepted: .move(.failed, [.recordFailure(reason: reason)]), .preparing: .move(.failed, [.recordFailure(reason: reason)]),
            .provisioning: .move(.failed, [.recordFailure(reason: reason)]), .ready: .move(.failed, [.recordFailure(reason: reason)]),
            .failed: .refuse, .deprovision: .refuse, .deleting: .refuse, .suspending: .refuse, .suspended: .refuse,
            .resuming: .move(.failed, [.recordFailure(reason: reason)]),
        ],
        .deleteRequested: deletion([]),
        .expired: deletion([.recordDeprovision(why: "expired")]),
        .ownerDenied: deletion([.recordDeprovision(why: "owner is denied")]),
        .suspendRequested: [
            .accepted: .refuse, .preparing: .refuse, .provisioning: .refuse, .ready: .move(.suspending, []), .failed: .refuse,
            .deprovision: .refuse, .deleting: .refuse, .suspending: .refuse, .suspended: .refuse, .resuming: .refuse,
        ],
        .resumeRequested: [
            .accepted: .refuse, .preparing: .refuse, .provisioning: .refuse, .ready: .refuse, .failed: .refuse,
            .deprovision: .refuse, .deleting: .refuse, .suspending: .refuse, .suspended: .move(.resuming, []), .resuming: .refuse,
        ],
        .removalDue: [
            .accepted: .refuse, .preparing: .refuse, .provisioning: .refuse, .ready: .refuse, .failed: .refuse,
            .deprovision: .remove(removal), .deleting: .remove(removal), .suspending: .refuse, .suspended: .refuse,
            .resuming: .refuse,
        ],
    ]

    /// The row a move must write: the kafka with its new status and the fields the event sets, nothing else changed.
    static func movedRow(_ kafka: KafkaRequest, to status: KafkaStatus, on event: Event) -> KafkaRequest {
        var row = kafka
        row.status = status
        switch event {
        case let .prepared(versions): row.desiredVersions = versions
        case let .resourcesReady(host, namespace, placementID):
            row.bootstrapServerHost = host
            row.namespace = namespace
            row.placementID = placementID
        case .agentReportedReady: row.failedReason = ""
        case .agentReportedError: row.failedReason = KafkaLifecycle.agentErrorReason
        case let .failed(reason): row.failedReason = reason
        case .agentReportedSuspended: row.agentReportedReady = false
        case .agentReportedDeleted, .deleteRequested, .expired, .ownerDenied, .suspendRequested,
             .resumeRequested, .removalDue:
            break
        }
        return row
    }

    @Test("every status meets every event in the table", arguments: KafkaStatus.allCases)
    func everyPairIsInTheTable(status: KafkaStatus) throws {
        let kafka = Self.kafka(in: status)
        for name in Event.Name.allCases {
            let expected = try #require(Self.table[name]?[status], "no row for \(status.rawValue) on \(name.rawValue)")
            let event = Self.sample(name)
            let transition = KafkaLifecycle.transition(kafka, on: event)
            let pair = "\(status.rawValue) on \(name.rawValue)"
            switch expected {
            case let .move(next, actions):
                #expect(transition.outcome == .move(Self.movedRow(kafka, to: next, on: event)), "\(pair)")
                #expect(transition.actions == actions, "\(pair)")
            case .stay:
                #expect(transition.outcome == .stay, "\(pair)")
                #expect(transition.actions.isEmpty, "\(pair)")
            case let .remove(actions):
                #expect(transition.outcome == .remove, "\(pair)")
                #expect(transition.actions == actions, "\(pair)")
            case .refuse:
                #expect(transition.outcome == .refuse(KafkaLifecycle.Refusal(status: status, event: name)), "\(pair)")
                #expect(transition.actions.isEmpty, "\(pair)")
            }
        }
    }

    @Test("the diagram's edges are exactly the table's moves")
    func edgesAreTheMoves() {
        for status in KafkaStatus.allCases {
            let moves = Set(Event.Name.allCases.compactMap { name -> KafkaStatus? in
                guard case let .move(next, _)? = Self.table[name]?[status] else { return nil }
                return next
            })
            #expect(KafkaLifecycle.transitions[status, default: []] == moves, "\(status.rawValue)")
            for next in KafkaStatus.allCases {
                #expect(KafkaLifecycle.canMove(from: status, to: next) == moves.contains(next), "\(status.rawValue) → \(next.rawValue)")
            }
        }
    }

    @Test("a kafka is not ready until its agent reported it ready and its route records exist",
          arguments: [(false, false), (true, false), (false, true)], [KafkaStatus.provisioning, .resuming])
    func readyNeedsReportAndRoutes(flags: (reported: Bool, routes: Bool), status: KafkaStatus) {
        var kafka = Self.kafka(in: status)
        kafka.agentReportedReady = flags.reported
        kafka.routesCreated = flags.routes
        #expect(KafkaLifecycle.transition(kafka, on: .agentReportedReady).outcome == .stay)
    }

    @Test("a deprovision kafka that reached an agent waits for the agent's report before its removal")
    func deprovisionOnAnAgentIsNotRemoved() {
        var kafka = Self.kafka(in: .deprovision)
        kafka.bootstrapServerHost = "demo-abc.kafka.example.com"
        #expect(KafkaLifecycle.transition(kafka, on: .removalDue).outcome
            == .refuse(KafkaLifecycle.Refusal(status: .deprovision, event: .removalDue)))
    }

    @Test("a removal without a canary client has no client to delete")
    func removalWithoutCanary() {
        var kafka = Self.kafka(in: .deleting)
        kafka.canaryClientID = ""
        #expect(KafkaLifecycle.transition(kafka, on: .removalDue).actions == [.deleteDNSRecords, .releaseQuota, .recordDeleted])
    }

    @Test("a new kafka starts in accepted")
    func initialStatus() {
        let kafka = KafkaRequest(id: "abc", name: "demo", owner: "alice", organisationID: "org-1", cloudProvider: "aws",
                                 region: "us-east-1", instanceType: "standard", sizeID: "x1", multiAZ: true, now: Date())
        #expect(kafka.status == KafkaLifecycle.initialStatus)
        #expect(KafkaLifecycle.initialStatus == .accepted)
    }
}
