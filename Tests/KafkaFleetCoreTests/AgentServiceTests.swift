import Foundation
import KafkaFleetCore
import KafkaFleetTesting
import Testing

@Suite("Agent protocol")
struct AgentServiceTests {
    /// A fleet whose agent is silent, with one kafka in `provisioning` on its ready cluster.
    private func provisioningKafka() async throws -> (TestFleet, KafkaRequest, DataPlaneCluster) {
        let fleet = TestFleet(readyAfter: .seconds(60))
        try await fleet.readyCluster()
        await fleet.agent.setSilent(true)
        let created = try await fleet.createKafka()
        _ = try await fleet.drive(created.id, to: .provisioning)
        return (fleet, created, try #require(try await fleet.store.cluster(clusterID: TestFleet.clusterID)))
    }

    private func service(_ fleet: TestFleet) -> AgentService {
        AgentService(environment: fleet.environment, settings: AgentSettings(ssoRealmURL: "https://sso.example.com/auth/realms/test"))
    }

    @Test("an agent is known only by its cluster's client id; anything else is not found", arguments: [
        ("kas-fleetshard-agent-local-cluster", TestFleet.clusterID, true),
        ("kas-fleetshard-agent-other", TestFleet.clusterID, false),
        ("", TestFleet.clusterID, false),
        ("kas-fleetshard-agent-unknown", "unknown", false),
    ])
    func authorisation(clientID: String, clusterID: String, allowed: Bool) async throws {
        let fleet = TestFleet()
        try await fleet.readyCluster()
        do {
            _ = try await service(fleet).authorize(clusterID: clusterID, clientID: clientID)
            #expect(allowed)
        } catch let error as FleetError {
            #expect(!allowed)
            #expect(error.code == .notFound)
        }
    }

    @Test("the desired state holds provisioning kafkas with the reference's labels, capacity and OAuth settings")
    func managedKafka() async throws {
        let fleet = TestFleet(readyAfter: .seconds(60))
        try await fleet.readyCluster()
        let created = try await fleet.createKafka()
        let kafka = try #require(try await fleet.drive(created.id, to: .provisioning))
        let cluster = try #require(try await fleet.store.cluster(clusterID: TestFleet.clusterID))

        let list = try await service(fleet).desiredKafkas(of: cluster)

        let item = try #require(list.items.first)
        #expect(list.kind == "ManagedKafkaList")
        #expect(item.kind == "ManagedKafka")
        #expect(item.metadata.annotations == ["bf2.org/id": kafka.id, "bf2.org/placementId": kafka.placementID])
        #expect(item.metadata.labels["bf2.org/kafkaInstanceProfileType"] == "standard")
        #expect(item.metadata.labels["bf2.org/suspended"] == "false")
        #expect(item.metadata.namespace == "kafka-\(kafka.id)")
        #expect(item.spec.capacity.ingressPerSec == "50Mi")
        #expect(item.spec.capacity.maxDataRetentionSize == "1000Gi")
        #expect(item.spec.oauth.customClaimCheck == "@.rh-org-id == 'org-1'|| @.org_id == 'org-1'")
        #expect(item.spec.oauth.maximumSessionLifetime == 299_000)
        #expect(item.spec.serviceAccounts == [.init(name: "canary", principal: "canary-\(kafka.id)", password: kafka.canaryClientSecret)])
        #expect(item.spec.deleted == false)
        #expect(item.spec.endpoint.bootstrapServerHost == kafka.bootstrapServerHost)
    }

    @Test("routes whose router lies outside the cluster's domain are not stored")
    func foreignRoutes() async throws {
        let (fleet, created, cluster) = try await provisioningKafka()
        let report = DataPlaneKafkaStatus(conditions: [AgentCondition(type: "Ready", status: "True")],
                                          routes: [.init(name: "b", prefix: "", router: "router.elsewhere.example.org")])

        try await service(fleet).applyKafkaStatuses([created.id: report], from: cluster)

        let kafka = try #require(try await fleet.store.kafka(id: created.id))
        #expect(kafka.routes == nil)
        _ = await fleet.provisioning.reconcile()
        #expect(try await fleet.store.kafka(id: created.id)?.status == .provisioning)
    }

    @Test("a report the database cannot store fails as unavailable, so the agent sends it again; a bad entry does not")
    func unstorableReport() async throws {
        let (fleet, created, cluster) = try await provisioningKafka()
        let broken = FleetEnvironment(store: UnavailableKafkaWrites(base: fleet.store), quota: AllowAllQuotaService(),
                                      dns: fleet.environment.dns, identity: fleet.environment.identity)
        let service = AgentService(environment: broken, settings: AgentSettings(ssoRealmURL: "https://sso.example.com/auth/realms/test"))
        let failed = DataPlaneKafkaStatus(conditions: [AgentCondition(type: "Ready", reason: "Error", message: "broken", status: "False")])

        await #expect(throws: StoreError(.unavailable, "1 kafka statuses could not be stored")) {
            try await service.applyKafkaStatuses([created.id: failed, "unknown-kafka": failed], from: cluster)
        }
        let skipped = try await self.service(fleet).applyKafkaStatuses(["unknown-kafka": failed], from: cluster)
        #expect(skipped.isEmpty)
    }

    @Test("a report about another cluster's kafka changes nothing")
    func otherCluster() async throws {
        let fleet = TestFleet(readyAfter: .seconds(60))
        try await fleet.readyCluster()
        let created = try await fleet.createKafka()
        let before = try #require(try await fleet.drive(created.id, to: .provisioning))
        var other = try #require(try await fleet.store.cluster(clusterID: TestFleet.clusterID))
        other.clusterID = "other"
        let report = DataPlaneKafkaStatus(conditions: [AgentCondition(type: "Ready", reason: "Error", status: "False")])

        try await service(fleet).applyKafkaStatuses([created.id: report], from: other)

        #expect(try await fleet.store.kafka(id: created.id) == before)
    }

    @Test("an agent that reports its cluster not ready sends it back to waiting")
    func clusterNotReady() async throws {
        let fleet = TestFleet()
        try await fleet.readyCluster()
        await fleet.agent.setClusterReady(false)

        try await fleet.agent.syncOnce()

        #expect(try await fleet.store.cluster(clusterID: TestFleet.clusterID)?.status == .waitingForAgent)
    }

    @Test("an empty Strimzi version in a cluster report is a field validation error")
    func strimziValidation() async throws {
        let fleet = TestFleet()
        try await fleet.readyCluster()
        let cluster = try #require(try await fleet.store.cluster(clusterID: TestFleet.clusterID))
        let report = DataPlaneClusterStatus(conditions: [AgentCondition(type: "Ready", status: "True")],
                                            strimzi: [.init(version: "", ready: true, kafkaVersions: ["3.3.1"], kafkaIbpVersions: ["3.3"])])

        await #expect(throws: FleetError(.fieldValidation, "Field validation failed: .status.strimzi[0].version cannot be empty")) {
            try await service(fleet).applyClusterStatus(report, from: cluster)
        }
    }

    @Test("the ready condition is classified in the reference's order", arguments: [
        (AgentCondition(type: "Ready", reason: "Suspended", status: "True"), "suspended"),
        (AgentCondition(type: "ready", status: "TRUE"), "ready"),
        (AgentCondition(type: "Ready", status: "Unknown"), "unknown"),
        (AgentCondition(type: "Ready", reason: "Installing", status: "False"), "installing"),
        (AgentCondition(type: "Ready", reason: "Deleted", status: "False"), "deleted"),
        (AgentCondition(type: "Ready", reason: "Error", status: "False"), "error"),
        (AgentCondition(type: "Ready", reason: "Rejected", message: "Cluster has insufficient resources", status: "False"), "full"),
        (AgentCondition(type: "Ready", reason: "Rejected", message: "bad", status: "False"), "rejected"),
        (AgentCondition(type: "Ready", reason: "KafkaUpdating", status: "False"), "installing"),
    ])
    func classification(condition: AgentCondition, expected: String) async throws {
        let fleet = TestFleet(readyAfter: .seconds(600))
        try await fleet.readyCluster()
        let created = try await fleet.createKafka()
        let before = try #require(try await fleet.drive(created.id, to: .provisioning))
        let cluster = try #require(try await fleet.store.cluster(clusterID: TestFleet.clusterID))

        try await service(fleet).applyKafkaStatuses([created.id: DataPlaneKafkaStatus(conditions: [condition])], from: cluster)

        let after = try #require(try await fleet.store.kafka(id: created.id))
        switch expected {
        case "ready": #expect(after.agentReportedReady)
        case "error": #expect(after.status == .failed)
        case "full": #expect(after.clusterID.isEmpty && after.status == .provisioning)
        case "rejected": #expect(after.placementID != before.placementID)
        default: #expect(after.status == before.status && !after.agentReportedReady && after.placementID == before.placementID)
        }
    }
}
