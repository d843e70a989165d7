import Foundation
import KafkaFleetCore
import Testing

/// The pure decisions of the accepted and provisioning workers: which lifecycle event a kafka's state calls for.
@Suite("Kafka worker decisions")
struct KafkaWorkerDecisionTests {
    static let created = Date(timeIntervalSince1970: 1_700_000_000)
    static let settings = ReconcilerSettings(placementTimeout: .seconds(3600), strimziVersionTimeout: .seconds(300),
                                             provisioningTimeout: .seconds(1800))
    static let versions = KafkaVersions(kafka: "3.6.0", strimzi: "strimzi-cluster-operator.v0.39.0-0", kafkaIBP: "3.6")

    static func kafka(in status: KafkaStatus) -> KafkaRequest {
        var kafka = KafkaRequest(id: "abc", name: "demo", owner: "alice", organisationID: "org-1", cloudProvider: "aws",
                                 region: "us-east-1", instanceType: "standard", sizeID: "x1", multiAZ: true, now: created)
        kafka.status = status
        return kafka
    }

    static func cluster(strimzi: [StrimziVersion]) -> DataPlaneCluster {
        var cluster = DataPlaneCluster(id: "c", clusterID: "cluster-0", status: .ready, providerType: .standalone,
                                       cloudProvider: "aws", region: "us-east-1", multiAZ: true, clusterDNS: "apps.example.com",
                                       now: created)
        cluster.availableStrimziVersions = strimzi
        return cluster
    }

    static let readyStrimzi = StrimziVersion(version: versions.strimzi, ready: true, kafkaVersions: [versions.kafka],
                                             kafkaIBPVersions: [versions.kafkaIBP])

    @Test("an accepted kafka on a cluster with a ready Strimzi is prepared with its newest versions")
    func prepared() {
        let event = AcceptedKafkaReconciler.event(for: Self.kafka(in: .accepted), placedOn: Self.cluster(strimzi: [Self.readyStrimzi]),
                                                  now: Self.created, settings: Self.settings)
        #expect(event == .prepared(versions: Self.versions))
    }

    @Test("an accepted kafka without room waits until the placement timeout, then fails with the reference's reason")
    func noRoom() {
        let kafka = Self.kafka(in: .accepted)
        let early = Self.created.addingTimeInterval(3599)
        let late = Self.created.addingTimeInterval(3600)
        #expect(AcceptedKafkaReconciler.event(for: kafka, placedOn: nil, now: early, settings: Self.settings) == nil)
        #expect(AcceptedKafkaReconciler.event(for: kafka, placedOn: nil, now: late, settings: Self.settings)
            == .failed(reason: "Region us-east-1 in cloud provider aws cannot accept standard Kafka of size x1 at the moment."))
    }

    @Test("an accepted kafka on a cluster without a ready Strimzi waits until the Strimzi timeout, then fails")
    func noStrimzi() {
        let kafka = Self.kafka(in: .accepted)
        var notReady = Self.readyStrimzi
        notReady.ready = false
        let cluster = Self.cluster(strimzi: [notReady])
        #expect(AcceptedKafkaReconciler.event(for: kafka, placedOn: cluster, now: Self.created.addingTimeInterval(299),
                                              settings: Self.settings) == nil)
        #expect(AcceptedKafkaReconciler.event(for: kafka, placedOn: cluster, now: Self.created.addingTimeInterval(300),
                                              settings: Self.settings) == .failed(reason: "Failed to get desired Strimzi version"))
    }

    @Test("a kafka in its agent's hands becomes ready once reported ready with its route records", arguments: [KafkaStatus.provisioning, .resuming])
    func ready(status: KafkaStatus) {
        var kafka = Self.kafka(in: status)
        kafka.agentReportedReady = true
        #expect(ProvisioningKafkaReconciler.event(for: kafka, now: Self.created, timeout: .seconds(1800)) == nil)
        kafka.routesCreated = true
        #expect(ProvisioningKafkaReconciler.event(for: kafka, now: Self.created, timeout: .seconds(1800)) == .agentReportedReady)
    }

    @Test("a provisioning kafka fails after the provisioning timeout; a resuming one waits")
    func provisioningTimeout() {
        let late = Self.created.addingTimeInterval(1800)
        #expect(ProvisioningKafkaReconciler.event(for: Self.kafka(in: .provisioning), now: Self.created.addingTimeInterval(1799),
                                                  timeout: .seconds(1800)) == nil)
        #expect(ProvisioningKafkaReconciler.event(for: Self.kafka(in: .provisioning), now: late, timeout: .seconds(1800))
            == .failed(reason: "The data plane did not report the instance ready within 30 minutes."))
        #expect(ProvisioningKafkaReconciler.event(for: Self.kafka(in: .resuming), now: late, timeout: .seconds(1800)) == nil)
    }
}
