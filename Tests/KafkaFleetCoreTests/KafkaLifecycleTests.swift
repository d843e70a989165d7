import KafkaFleetCore
import Testing

@Suite("Kafka state machine")
struct KafkaLifecycleTests {
    /// The transitions the reference's workers, agent reports, API and admin make, written out pair by pair.
    static let expected: Set<[KafkaStatus]> = [
        [.accepted, .preparing], [.accepted, .failed], [.accepted, .deprovision],
        [.preparing, .provisioning], [.preparing, .failed], [.preparing, .deprovision],
        [.provisioning, .ready], [.provisioning, .failed], [.provisioning, .deprovision],
        [.ready, .failed], [.ready, .deprovision], [.ready, .suspending],
        [.failed, .deprovision],
        [.deprovision, .deleting],
        [.suspending, .suspended], [.suspending, .deprovision],
        [.suspended, .resuming], [.suspended, .deprovision],
        [.resuming, .ready], [.resuming, .failed], [.resuming, .deprovision],
    ]

    @Test("every pair of statuses is legal exactly when the table lists it", arguments: KafkaStatus.allCases)
    func everyPair(from: KafkaStatus) {
        for to in KafkaStatus.allCases {
            #expect(KafkaLifecycle.canMove(from: from, to: to) == Self.expected.contains([from, to]), "\(from) → \(to)")
        }
    }

    @Test("a deprovisioning kafka can only go on to deleting, and a deleting one nowhere")
    func deletionIsOneWay() {
        #expect(KafkaStatus.allCases.filter { KafkaLifecycle.canMove(from: .deprovision, to: $0) } == [.deleting])
        #expect(KafkaStatus.allCases.filter { KafkaLifecycle.canMove(from: .deleting, to: $0) }.isEmpty)
    }

    /// Unlike the reference, a second DELETE leaves a `deleting` kafka alone instead of sending it back to `deprovision`.
    @Test("every status but deprovision and deleting can be asked to delete", arguments: KafkaStatus.allCases)
    func deleteFromAnywhere(status: KafkaStatus) {
        #expect(KafkaLifecycle.canMove(from: status, to: .deprovision) == !KafkaStatus.deletingStatuses.contains(status))
    }
}

@Suite("Cluster state machine")
struct ClusterLifecycleTests {
    static let expected: Set<[ClusterStatus]> = [
        [.accepted, .provisioning], [.accepted, .deprovisioning],
        [.provisioning, .provisioned], [.provisioning, .failed], [.provisioning, .deprovisioning],
        [.provisioned, .waitingForAgent], [.provisioned, .deprovisioning],
        [.waitingForAgent, .ready], [.waitingForAgent, .deprovisioning],
        [.ready, .waitingForAgent], [.ready, .deprovisioning],
        [.failed, .deprovisioning],
        [.deprovisioning, .ready], [.deprovisioning, .cleanup],
    ]

    @Test("every pair of statuses is legal exactly when the table lists it", arguments: ClusterStatus.allCases)
    func everyPair(from: ClusterStatus) {
        for to in ClusterStatus.allCases {
            #expect(ClusterLifecycle.canMove(from: from, to: to) == Self.expected.contains([from, to]), "\(from) → \(to)")
        }
    }

    @Test("the wire strings are the reference's")
    func wireStrings() {
        #expect(ClusterStatus.allCases.map(\.rawValue) == [
            "cluster_accepted", "cluster_provisioning", "cluster_provisioned", "waiting_for_kas_fleetshard_operator",
            "ready", "failed", "deprovisioning", "cleanup",
        ])
    }
}
