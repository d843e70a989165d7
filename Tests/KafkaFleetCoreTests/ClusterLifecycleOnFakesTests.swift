import Foundation
import KafkaFleetCore
import KafkaFleetTesting
import Testing

@Suite("A cluster's life on fakes")
struct ClusterLifecycleOnFakesTests {
    private func removeFromConfiguration(_ fleet: TestFleet) -> ClusterReconciler {
        ClusterReconciler(environment: fleet.environment, providers: [.standalone: StandaloneClusterProvider()],
                          configuration: ClusterConfigurationSync(environment: fleet.environment, clusters: []))
    }

    @Test("a configured cluster goes provisioning → provisioned → waiting, gets its agent client, and is ready on its agent's report")
    func becomesReady() async throws {
        let fleet = TestFleet()

        try await fleet.readyCluster()

        let cluster = try #require(try await fleet.store.cluster(clusterID: TestFleet.clusterID))
        #expect(cluster.status == .ready)
        #expect(cluster.clientSecret == fleet.identity.clients[cluster.clientID]?.secret)
        #expect(cluster.capacity["standard"]?.maxUnits == 100)
        let history = try await fleet.store.statusEvents(resourceID: TestFleet.clusterID).map(\.toStatus)
        #expect(history == ["cluster_provisioning", "cluster_provisioned", "waiting_for_kas_fleetshard_operator", "ready"])
    }

    @Test("an empty cluster removed from the configuration is deprovisioned, cleaned up and deleted with its agent client")
    func removal() async throws {
        let fleet = TestFleet()
        try await fleet.readyCluster()
        let clientID = try #require(try await fleet.store.cluster(clusterID: TestFleet.clusterID)).clientID
        let reconciler = removeFromConfiguration(fleet)

        for _ in 0..<4 { _ = await reconciler.reconcile() }

        #expect(try await fleet.store.cluster(clusterID: TestFleet.clusterID) == nil)
        #expect(fleet.identity.clients[clientID] == nil)
        let history = try await fleet.store.statusEvents(resourceID: TestFleet.clusterID).map(\.toStatus)
        #expect(history.suffix(3) == ["deprovisioning", "cleanup", "deleted"])
    }

    @Test("a cluster that still hosts a kafka is kept when it leaves the configuration")
    func removalWithKafkas() async throws {
        let fleet = TestFleet()
        try await fleet.readyCluster()
        let kafka = try await fleet.createKafka()
        _ = try await fleet.drive(kafka.id, to: .ready)

        for _ in 0..<4 { _ = await removeFromConfiguration(fleet).reconcile() }

        #expect(try await fleet.store.cluster(clusterID: TestFleet.clusterID)?.status == .ready)
    }

    @Test("a deprovisioning cluster that a kafka landed on goes back to ready")
    func deprovisioningWithKafkas() async throws {
        let fleet = TestFleet()
        try await fleet.readyCluster()
        let kafka = try await fleet.createKafka()
        _ = try await fleet.drive(kafka.id, to: .ready)
        let cluster = try #require(try await fleet.store.cluster(clusterID: TestFleet.clusterID))
        var leaving = cluster
        leaving.status = .deprovisioning
        _ = try await fleet.environment.write(leaving, over: cluster)

        _ = await fleet.clusters.reconcile()

        #expect(try await fleet.store.cluster(clusterID: TestFleet.clusterID)?.status == .ready)
    }
}

@Suite("Ready kafkas keep their resources")
struct ReadyKafkaReconcilerTests {
    @Test("a DNS record or canary client that disappeared from a ready kafka is created again")
    func recreates() async throws {
        let fleet = TestFleet()
        try await fleet.readyCluster()
        let created = try await fleet.createKafka()
        let ready = try #require(try await fleet.drive(created.id, to: .ready))
        let bootstrap = try #require(fleet.dns.records[ready.bootstrapServerHost])
        try await fleet.dns.deleteRecords([bootstrap])
        try await fleet.identity.deleteClient(clientID: ready.canaryClientID)

        _ = await ReadyKafkaReconciler(environment: fleet.environment).reconcile()

        #expect(fleet.dns.records[ready.bootstrapServerHost] == bootstrap)
        #expect(fleet.dns.creations(of: ready.bootstrapServerHost) == 2)
        let client = try #require(fleet.identity.clients[ready.canaryClientID])
        #expect(try await fleet.store.kafka(id: created.id)?.canaryClientSecret == client.secret)
    }
}
