import Foundation
import HTTPTypes
import HummingbirdTesting
import KafkaFleetCore
import KafkaFleetHTTP
import Testing

/// The Strimzi versions `cluster-0` offers in the admin update tests, and a kafka placed on it in a chosen state.
enum AdminUpdateFixture {
    static let strimzi23 = "strimzi-cluster-operator.v0.23.0-0"
    static let strimzi24 = "strimzi-cluster-operator.v0.24.0-0"
    static let strimzi25 = "strimzi-cluster-operator.v0.25.0-0"

    /// 0.23 runs Kafka 2.7 and 2.8, 0.24 runs 2.8 and 3.0, 0.25 (3.0 only) is not ready yet.
    static let offered = [
        StrimziVersion(version: strimzi23, ready: true, kafkaVersions: ["2.7.0", "2.8.0"], kafkaIBPVersions: ["2.7", "2.8"]),
        StrimziVersion(version: strimzi24, ready: true, kafkaVersions: ["2.8.0", "3.0.0"], kafkaIBPVersions: ["2.8", "3.0"]),
        StrimziVersion(version: strimzi25, ready: false, kafkaVersions: ["3.0.0"], kafkaIBPVersions: ["3.0"]),
    ]

    /// What a kafka on Strimzi 0.23 with Kafka 2.7 runs and is meant to run.
    static let running = KafkaVersions(kafka: "2.7.0", strimzi: strimzi23, kafkaIBP: "2.7")

    /// Makes `cluster-0` of `api` offer `offered`.
    static func offerVersions(in api: APIHarness) async throws {
        let cluster = try #require(await api.store.cluster(clusterID: "cluster-0"))
        var changed = cluster
        changed.availableStrimziVersions = offered
        _ = try #require(await api.store.updateCluster(changed, expecting: cluster.status).value)
    }

    /// Stores a kafka of `org-1` with 1000Gi of retention on `cluster-0`, running and meant to run `running`, in
    /// `status`, then changed by `adjust`; returns it as stored.
    static func storeKafka(in api: APIHarness, status: KafkaStatus, name: String = "patched",
                           adjust: @Sendable (inout KafkaRequest) -> Void = { _ in }) async throws -> KafkaRequest {
        var kafka = KafkaRequest(id: ResourceID.make(), name: name, owner: "alice", organisationID: "org-1", cloudProvider: "aws",
                                 region: "us-east-1", instanceType: "standard", sizeID: "x1", multiAZ: true,
                                 maxDataRetentionSize: "1000Gi", now: Date())
        kafka.clusterID = "cluster-0"
        kafka.desiredVersions = running
        kafka.actualVersions = running
        let created = try #require(try await api.store.createKafka(kafka, limits: []).value)
        var changed = created
        changed.status = status
        adjust(&changed)
        guard changed != created else { return created }
        return try #require(try await api.store.updateKafka(changed, expecting: created.status, limits: []).value)
    }
}

@Suite("Admin kafka updates")
struct AdminKafkaUpdateTests {
    private static let uri = "/api/kafkas_mgmt/v1/admin/kafkas"

    /// Headers of an operator with the write role.
    private static func writer(_ api: APIHarness) async throws -> HTTPFields {
        try await api.adminAuth(roles: ["kas-fleet-manager-admin-write"])
    }

    /// Patches the kafka `id` with `headers`.
    private static func patch(_ body: String, id: String, as headers: HTTPFields, client: any TestClientProtocol) async throws -> TestResponse {
        try await client.execute(uri: "\(uri)/\(id)", method: .patch, headers: headers, body: json(body))
    }

    @Test("suspending a ready kafka answers it suspending and stores it so")
    func suspendReady() async throws {
        let api = try await APIHarness()
        let kafka = try await AdminUpdateFixture.storeKafka(in: api, status: .ready)
        let writer = try await Self.writer(api)
        try await api.run { client in
            let answer = try await Self.patch(#"{"suspended":true}"#, id: kafka.id, as: writer, client: client)
            #expect(answer.status == .ok)
            #expect(try answer.object()["status"] as? String == "suspending")
        }
        #expect(await api.store.kafka(id: kafka.id)?.status == .suspending)
    }

    @Test("resuming a suspended kafka answers it resuming and stores it so")
    func resumeSuspended() async throws {
        let api = try await APIHarness()
        let kafka = try await AdminUpdateFixture.storeKafka(in: api, status: .suspended)
        let writer = try await Self.writer(api)
        try await api.run { client in
            let answer = try await Self.patch(#"{"suspended":false}"#, id: kafka.id, as: writer, client: client)
            #expect(answer.status == .ok)
            #expect(try answer.object()["status"] as? String == "resuming")
        }
        #expect(await api.store.kafka(id: kafka.id)?.status == .resuming)
    }

    @Test("an upgrade the cluster's Strimzi supports changes the desired versions only, leaving the actual ones to the agent",
          arguments: [
              (#"{"kafka_version":"2.8.0"}"#, KafkaVersions(kafka: "2.8.0", strimzi: AdminUpdateFixture.strimzi23, kafkaIBP: "2.7")),
              (#"{"kafka_version":"2.8.0","kafka_ibp_version":"2.8"}"#,
               KafkaVersions(kafka: "2.8.0", strimzi: AdminUpdateFixture.strimzi23, kafkaIBP: "2.8")),
              (#"{"strimzi_version":"strimzi-cluster-operator.v0.24.0-0","kafka_version":"2.8.0","kafka_ibp_version":"2.8"}"#,
               KafkaVersions(kafka: "2.8.0", strimzi: AdminUpdateFixture.strimzi24, kafkaIBP: "2.8")),
          ])
    func upgrade(body: String, desired: KafkaVersions) async throws {
        let api = try await APIHarness()
        try await AdminUpdateFixture.offerVersions(in: api)
        let kafka = try await AdminUpdateFixture.storeKafka(in: api, status: .ready)
        let writer = try await Self.writer(api)
        try await api.run { client in
            let answer = try await Self.patch(body, id: kafka.id, as: writer, client: client)
            #expect(answer.status == .ok)
            let object = try answer.object()
            #expect(object["desired_kafka_version"] as? String == desired.kafka)
            #expect(object["desired_strimzi_version"] as? String == desired.strimzi)
            #expect(object["desired_kafka_ibp_version"] as? String == desired.kafkaIBP)
            #expect(object["actual_kafka_version"] as? String == "2.7.0")
        }
        let stored = try #require(await api.store.kafka(id: kafka.id))
        #expect(stored.desiredVersions == desired)
        #expect(stored.actualVersions == AdminUpdateFixture.running)
        #expect(stored.status == .ready)
    }

    @Test("a larger retention size is stored and shown in bytes")
    func retentionGrowth() async throws {
        let api = try await APIHarness()
        let kafka = try await AdminUpdateFixture.storeKafka(in: api, status: .ready)
        let writer = try await Self.writer(api)
        try await api.run { client in
            let answer = try await Self.patch(#"{"max_data_retention_size":"2000Gi"}"#, id: kafka.id, as: writer, client: client)
            #expect(answer.status == .ok)
            let size = try #require(try answer.object()["max_data_retention_size"] as? [String: Any])
            #expect(size["bytes"] as? Int == 2000 * 1024 * 1024 * 1024)
        }
        #expect(await api.store.kafka(id: kafka.id)?.maxDataRetentionSize == "2000Gi")
    }

    /// A kafka state and a patch that one of the admin update's rules refuses.
    struct Refusal: Sendable, CustomTestStringConvertible {
        var testDescription: String
        var status: KafkaStatus = .ready
        var adjust: @Sendable (inout KafkaRequest) -> Void = { _ in }
        var body: String
        var code: Int

        static let all: [Refusal] = [
            Refusal(testDescription: "a shrinking retention size", body: #"{"max_data_retention_size":"500Gi"}"#, code: 37),
            Refusal(testDescription: "a retention size that is no quantity", body: #"{"max_data_retention_size":"lots"}"#, code: 37),
            Refusal(testDescription: "any change to an accepted kafka", status: .accepted,
                    body: #"{"max_data_retention_size":"2000Gi"}"#, code: 8),
            Refusal(testDescription: "any change to a deleting kafka", status: .deleting,
                    body: #"{"max_data_retention_size":"2000Gi"}"#, code: 8),
            Refusal(testDescription: "suspending a provisioning kafka", status: .provisioning, body: #"{"suspended":true}"#, code: 8),
            Refusal(testDescription: "suspending a suspended kafka", status: .suspended, body: #"{"suspended":true}"#, code: 8),
            Refusal(testDescription: "resuming a ready kafka", body: #"{"suspended":false}"#, code: 8),
            Refusal(testDescription: "a Kafka upgrade while one is in progress", adjust: { $0.kafkaUpgrading = true },
                    body: #"{"kafka_version":"2.8.0"}"#, code: 8),
            Refusal(testDescription: "a Strimzi upgrade while one is in progress", adjust: { $0.strimziUpgrading = true },
                    body: #"{"strimzi_version":"strimzi-cluster-operator.v0.24.0-0","kafka_version":"2.8.0","kafka_ibp_version":"2.8"}"#,
                    code: 8),
            Refusal(testDescription: "an IBP upgrade while one is in progress", adjust: { $0.kafkaIBPUpgrading = true },
                    body: #"{"kafka_version":"2.8.0","kafka_ibp_version":"2.8"}"#, code: 8),
            Refusal(testDescription: "a Strimzi version the cluster does not have ready",
                    body: #"{"strimzi_version":"strimzi-cluster-operator.v0.25.0-0","kafka_version":"3.0.0","kafka_ibp_version":"3.0"}"#,
                    code: 8),
            Refusal(testDescription: "a Strimzi version the cluster does not offer",
                    body: #"{"strimzi_version":"strimzi-cluster-operator.v9.9.9-0"}"#, code: 8),
            Refusal(testDescription: "a Strimzi version that does not run the kafka's Kafka version",
                    body: #"{"strimzi_version":"strimzi-cluster-operator.v0.24.0-0"}"#, code: 8),
            Refusal(testDescription: "an IBP version above the Kafka version", body: #"{"kafka_ibp_version":"2.8"}"#, code: 8),
            Refusal(testDescription: "a Kafka version below the one running",
                    adjust: {
                        $0.actualVersions = KafkaVersions(kafka: "2.8.0", strimzi: AdminUpdateFixture.strimzi23, kafkaIBP: "2.8")
                        $0.desiredVersions = $0.actualVersions
                    },
                    body: #"{"kafka_version":"2.7.0","kafka_ibp_version":"2.7"}"#, code: 8),
            Refusal(testDescription: "a version change of a kafka whose cluster is unknown", adjust: { $0.clusterID = "cluster-9" },
                    body: #"{"kafka_version":"2.8.0"}"#, code: 8),
        ]
    }

    @Test("a patch that breaks a rule is 400 with the rule's code and changes nothing", arguments: Refusal.all)
    func refused(_ refusal: Refusal) async throws {
        let api = try await APIHarness()
        try await AdminUpdateFixture.offerVersions(in: api)
        let kafka = try await AdminUpdateFixture.storeKafka(in: api, status: refusal.status, adjust: refusal.adjust)
        let writer = try await Self.writer(api)
        try await api.run { client in
            try await Self.patch(refusal.body, id: kafka.id, as: writer, client: client).expectError(.badRequest, code: refusal.code)
        }
        #expect(await api.store.kafka(id: kafka.id) == kafka)
    }
}
