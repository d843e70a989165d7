import Foundation
import KafkaFleetCore
import KafkaFleetTesting
import Testing

@Suite("Suspending and resuming a kafka")
struct SuspensionFlowTests {
    /// What an agent reports for a kafka it has scaled down: the Ready condition false with reason Suspended.
    private static let suspendedReport = DataPlaneKafkaStatus(conditions: [AgentCondition(type: "Ready", reason: "Suspended", status: "False")])
    /// What an agent reports for a kafka it runs again.
    private static let readyReport = DataPlaneKafkaStatus(conditions: [AgentCondition(type: "Ready", status: "True")])

    /// The `bf2.org/suspended` label the agent of the fleet's cluster is given for `id` (`nil`: the kafka is not sent to it).
    private static func suspendedLabel(of id: String, in fleet: TestFleet, agent: AgentService) async throws -> String? {
        let cluster = try #require(try await fleet.store.cluster(clusterID: TestFleet.clusterID))
        return try await agent.desiredKafkas(of: cluster).items.first { $0.id == id }?.metadata.labels["bf2.org/suspended"]
    }

    @Test("suspending → suspended on the agent's report → resuming → ready only once the agent reports it ready again",
          arguments: FleetBackend.allCases)
    func suspendAndResume(backend: FleetBackend) async throws {
        let fleet = try await TestFleet.on(backend)
        try await fleet.readyCluster()
        let created = try await fleet.createKafka()
        _ = try #require(try await fleet.drive(created.id, to: .ready))
        let admin = AdminService(environment: fleet.environment)
        let agent = AgentService(environment: fleet.environment, settings: AgentSettings(ssoRealmURL: "https://sso.example.com/auth/realms/test"))
        let cluster = try #require(try await fleet.store.cluster(clusterID: TestFleet.clusterID))
        func status() async throws -> KafkaStatus? { try await fleet.store.kafka(id: created.id)?.status }

        // When an operator suspends the ready kafka
        #expect(try await admin.update(id: created.id, with: AdminKafkaUpdate(suspended: true)).status == .suspending)
        // Then its agent is told to suspend it, and it stays suspending while the agent still reports it ready
        #expect(try await Self.suspendedLabel(of: created.id, in: fleet, agent: agent) == "true")
        try await agent.applyKafkaStatuses([created.id: Self.readyReport], from: cluster)
        _ = await fleet.provisioning.reconcile()
        #expect(try await status() == .suspending)

        // When the agent reports it suspended, then it is suspended, and stays so whatever the workers do
        try await agent.applyKafkaStatuses([created.id: Self.suspendedReport], from: cluster)
        #expect(try await status() == .suspended)
        try await fleet.step()
        #expect(try await status() == .suspended)

        // When the operator resumes it
        #expect(try await admin.update(id: created.id, with: AdminKafkaUpdate(suspended: false)).status == .resuming)
        // Then the agent is told to run it again, and it stays resuming while the agent still reports it suspended
        #expect(try await Self.suspendedLabel(of: created.id, in: fleet, agent: agent) == "false")
        try await agent.applyKafkaStatuses([created.id: Self.suspendedReport], from: cluster)
        _ = await fleet.provisioning.reconcile()
        #expect(try await status() == .resuming)

        // When the agent reports it ready, then it is ready
        try await agent.applyKafkaStatuses([created.id: Self.readyReport], from: cluster)
        _ = await fleet.provisioning.reconcile()
        #expect(try await status() == .ready)
        let history = try await fleet.store.statusEvents(resourceID: created.id).map(\.toStatus)
        #expect(history.suffix(5) == ["ready", "suspending", "suspended", "resuming", "ready"])
    }

    @Test("a suspended kafka can be deleted, and is removed like any other")
    func deleteSuspended() async throws {
        let fleet = TestFleet()
        try await fleet.readyCluster()
        let created = try await fleet.createKafka()
        _ = try #require(try await fleet.drive(created.id, to: .ready))
        let admin = AdminService(environment: fleet.environment)
        let agent = AgentService(environment: fleet.environment, settings: AgentSettings(ssoRealmURL: "https://sso.example.com/auth/realms/test"))
        let cluster = try #require(try await fleet.store.cluster(clusterID: TestFleet.clusterID))
        _ = try await admin.update(id: created.id, with: AdminKafkaUpdate(suspended: true))
        try await agent.applyKafkaStatuses([created.id: Self.suspendedReport], from: cluster)
        #expect(try await fleet.store.kafka(id: created.id)?.status == .suspended)

        try await admin.delete(id: created.id)

        #expect(try await fleet.drive(created.id, to: nil) == nil)
        #expect(fleet.identity.clients["canary-\(created.id)"] == nil)
    }
}
