import Foundation
import KafkaFleetCore
import KafkaFleetTesting
import Testing

@Suite("Dynamic scaling reconcilers")
struct DynamicScalingReconcilerTests {
    static let enabled = DynamicScalingConfiguration(enableDynamicDataPlaneScaleUp: true, enableDynamicDataPlaneScaleDown: true)
    static let dryRun = DynamicScalingConfiguration(enableDynamicDataPlaneScaleUp: false, enableDynamicDataPlaneScaleDown: false)

    @Test("scale-up adds one accepted managed OCM cluster per locator that needs room, and no second while it is built")
    func scaleUpAddsOnePerLocator() async throws {
        // Given an empty fleet offering both instance types in one region
        let fleet = ScalingFleet()
        let reconciler = DynamicScaleUpReconciler(environment: fleet.environment,
                                                  providers: ScalingFleet.providers(instanceTypes: ["standard", "developer"]),
                                                  configuration: Self.enabled)
        // When it runs twice
        let first = await reconciler.reconcile()
        let second = await reconciler.reconcile()
        // Then the first pass added one cluster per instance type, the second none
        #expect(first == ReconcileReport(examined: 2, changed: 2))
        #expect(second == ReconcileReport(examined: 2, changed: 0))
        let clusters = try await fleet.store.clusters(inStatuses: nil)
        #expect(clusters.count == 2)
        let standard = try #require(clusters.first { $0.supportedInstanceTypes == ["standard"] })
        let developer = try #require(clusters.first { $0.supportedInstanceTypes == ["developer"] })
        for cluster in clusters {
            #expect(cluster.status == .accepted)
            #expect(cluster.providerType == .ocm)
            #expect(cluster.clusterType == .managed)
            #expect(cluster.cloudProvider == "aws")
            #expect(cluster.region == "us-east-1")
            #expect(ResourceID.isValid(cluster.clusterID))
        }
        #expect(standard.multiAZ)
        #expect(!developer.multiAZ)
    }

    @Test("scale-up adds a cluster once the last one is full, and none while the region has room")
    func scaleUpFollowsUsage() async throws {
        // Given a ready cluster that can hold two units
        let fleet = ScalingFleet()
        try await fleet.addCluster("a", maxUnits: 2)
        let reconciler = DynamicScaleUpReconciler(environment: fleet.environment, providers: ScalingFleet.providers(),
                                                  configuration: Self.enabled)
        // When it runs with the cluster empty, then nothing is added
        #expect(await reconciler.reconcile().changed == 0)
        // When a kafka takes a unit, so the largest size (two units) no longer fits
        try await fleet.addKafka(on: "a")
        // Then a cluster is added
        #expect(await reconciler.reconcile().changed == 1)
        #expect(try await fleet.store.clusters(inStatuses: [.accepted]).count == 1)
    }

    @Test("a dry run of scale-up adds nothing")
    func scaleUpDryRun() async throws {
        let fleet = ScalingFleet()
        let reconciler = DynamicScaleUpReconciler(environment: fleet.environment, providers: ScalingFleet.providers(),
                                                  configuration: Self.dryRun)
        let report = await reconciler.reconcile()
        #expect(report == ReconcileReport(examined: 1, changed: 0))
        #expect(try await fleet.store.clusters(inStatuses: nil).isEmpty)
    }

    @Test("failed clusters neither count as capacity nor as a scale-up under way")
    func failedClustersAreIgnored() async throws {
        let fleet = ScalingFleet()
        try await fleet.addCluster("broken", status: .failed)
        let reconciler = DynamicScaleUpReconciler(environment: fleet.environment, providers: ScalingFleet.providers(),
                                                  configuration: Self.enabled)
        #expect(await reconciler.reconcile().changed == 1)
    }

    @Test("scale-down deprovisions an empty cluster when another has room, and keeps the one with kafkas")
    func scaleDownRemovesEmptyCluster() async throws {
        // Given an empty cluster and one hosting a kafka with room to spare
        let fleet = ScalingFleet()
        try await fleet.addCluster("empty")
        try await fleet.addCluster("busy")
        try await fleet.addKafka(on: "busy")
        let reconciler = DynamicScaleDownReconciler(environment: fleet.environment, providers: ScalingFleet.providers(),
                                                    configuration: Self.enabled)
        // When scale-down runs twice
        let first = await reconciler.reconcile()
        let second = await reconciler.reconcile()
        // Then the empty cluster is deprovisioning and the busy one stays ready
        #expect(first.changed == 1)
        #expect(first.errors.isEmpty)
        #expect(second.changed == 0)
        #expect(try await fleet.statuses() == ["empty": .deprovisioning, "busy": .ready])
    }

    @Test("scale-down keeps an empty cluster when the rest of the region has no room")
    func scaleDownKeepsNeededCluster() async throws {
        let fleet = ScalingFleet()
        try await fleet.addCluster("empty")
        try await fleet.addCluster("full", maxUnits: 1)
        try await fleet.addKafka(on: "full")
        let reconciler = DynamicScaleDownReconciler(environment: fleet.environment, providers: ScalingFleet.providers(),
                                                    configuration: Self.enabled)
        #expect(await reconciler.reconcile().changed == 0)
        #expect(try await fleet.statuses() == ["empty": .ready, "full": .ready])
    }

    @Test("scale-down never removes an enterprise cluster")
    func scaleDownSparesEnterprise() async throws {
        let fleet = ScalingFleet()
        try await fleet.addCluster("customer", clusterType: .enterprise)
        try await fleet.addCluster("managed")
        let reconciler = DynamicScaleDownReconciler(environment: fleet.environment, providers: ScalingFleet.providers(),
                                                    configuration: Self.enabled)
        #expect(await reconciler.reconcile().changed == 0)
        #expect(try await fleet.statuses() == ["customer": .ready, "managed": .ready])
    }

    @Test("of two empty clusters in a region whose slack needs one, scale-down keeps exactly one")
    func scaleDownKeepsExactlyTheNeededOne() async throws {
        let fleet = ScalingFleet()
        try await fleet.addCluster("a")
        try await fleet.addCluster("b")
        let reconciler = DynamicScaleDownReconciler(environment: fleet.environment, providers: ScalingFleet.providers(slack: 5),
                                                    configuration: Self.enabled)
        #expect(await reconciler.reconcile().changed == 1)
        _ = await reconciler.reconcile()
        let statuses = try await fleet.statuses()
        #expect(statuses.values.filter { $0 == .ready }.count == 1)
        #expect(statuses.values.filter { $0 == .deprovisioning }.count == 1)
    }

    @Test("a dry run of scale-down removes nothing")
    func scaleDownDryRun() async throws {
        let fleet = ScalingFleet()
        try await fleet.addCluster("a")
        try await fleet.addCluster("b")
        let reconciler = DynamicScaleDownReconciler(environment: fleet.environment, providers: ScalingFleet.providers(),
                                                    configuration: Self.dryRun)
        #expect(await reconciler.reconcile().changed == 0)
        #expect(try await fleet.statuses() == ["a": .ready, "b": .ready])
    }

    @Test("scale-down and scale-up together settle: a removed cluster is not added back")
    func scaleUpAndDownSettle() async throws {
        let fleet = ScalingFleet()
        try await fleet.addCluster("a")
        try await fleet.addCluster("b")
        let providers = ScalingFleet.providers(slack: 5)
        let down = DynamicScaleDownReconciler(environment: fleet.environment, providers: providers, configuration: Self.enabled)
        let up = DynamicScaleUpReconciler(environment: fleet.environment, providers: providers, configuration: Self.enabled)
        #expect(await down.reconcile().changed == 1)
        #expect(await up.reconcile().changed == 0)
        #expect(try await fleet.store.clusters(inStatuses: nil).count == 2)
    }
}
