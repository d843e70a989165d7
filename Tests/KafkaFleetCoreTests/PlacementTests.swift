import Foundation
import KafkaFleetCore
import KafkaFleetTesting
import Testing

@Suite("Placement")
struct PlacementTests {
    @Test("many kafkas placed concurrently on a nearly full cluster never over-commit it", arguments: FleetBackend.allCases)
    func noOverCommit(backend: FleetBackend) async throws {
        let fleet = try await TestFleet.on(backend)
        try await fleet.readyCluster()
        var cluster = try #require(try await fleet.store.cluster(clusterID: TestFleet.clusterID))
        let original = cluster
        cluster.kafkaInstanceLimit = 10
        _ = try await fleet.environment.write(cluster, over: original)
        for index in 0..<7 {
            let kafka = try await fleet.createKafka(name: "existing-\(index)")
            _ = try await fleet.drive(kafka.id, to: .preparing)
        }
        var waiting: [String] = []
        for index in 0..<20 { waiting.append(try await fleet.createKafka(name: "new-\(index)").id) }

        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<8 {
                group.addTask { _ = await AcceptedKafkaReconciler(environment: fleet.environment).reconcile() }
            }
        }

        let placed = try await fleet.store.sumKafkas(KafkaFilter(clusterID: TestFleet.clusterID), measure: .capacityUnits)
        #expect(placed == 10)
        var stillWaiting = 0
        for id in waiting where try await fleet.store.kafka(id: id)?.clusterID.isEmpty == true { stillWaiting += 1 }
        #expect(stillWaiting == 17)
    }

    @Test("a kafka fits only clusters of its cloud, region, AZ mode and instance type that are not failing or leaving",
          arguments: [
            ("aws", "us-east-1", true, "standard", ClusterStatus.ready, true),
            ("gcp", "us-east-1", true, "standard", .ready, false),
            ("aws", "eu-west-1", true, "standard", .ready, false),
            ("aws", "us-east-1", false, "standard", .ready, false),
            ("aws", "us-east-1", true, "developer", .ready, false),
            ("aws", "us-east-1", true, "standard", .failed, false),
            ("aws", "us-east-1", true, "standard", .deprovisioning, false),
            ("aws", "us-east-1", true, "standard", .waitingForAgent, true),
          ])
    func fits(cloud: String, region: String, multiAZ: Bool, types: String, status: ClusterStatus, expected: Bool) {
        let now = Date()
        let kafka = KafkaRequest(id: "k", name: "k", owner: "o", organisationID: "org", cloudProvider: "aws", region: "us-east-1",
                                 instanceType: "standard", sizeID: "x1", multiAZ: true, now: now)
        let cluster = DataPlaneCluster(id: "c", clusterID: "c", status: status, providerType: .standalone, cloudProvider: cloud,
                                       region: region, multiAZ: multiAZ, clusterDNS: "apps.c", supportedInstanceTypes: [types], now: now)
        #expect(ClusterPlacement.fits(kafka, on: cluster) == expected)
    }

    @Test("the capacity of a cluster is the smaller of its configured limit and its agent's report")
    func maximumUnits() {
        var cluster = DataPlaneCluster(id: "c", clusterID: "c", status: .ready, providerType: .standalone, cloudProvider: "aws",
                                       region: "us-east-1", multiAZ: true, clusterDNS: "", now: Date())
        #expect(ClusterPlacement.maximumUnits(of: cluster, instanceType: "standard") == nil)
        cluster.kafkaInstanceLimit = 8
        #expect(ClusterPlacement.maximumUnits(of: cluster, instanceType: "standard") == 8)
        cluster.capacity["standard"] = ClusterCapacity(maxUnits: 5)
        #expect(ClusterPlacement.maximumUnits(of: cluster, instanceType: "standard") == 5)
        cluster.kafkaInstanceLimit = -1
        #expect(ClusterPlacement.maximumUnits(of: cluster, instanceType: "standard") == 5)
    }
}
