import Foundation
@testable import KafkaFleetHTTP
import KafkaFleetCore
import KafkaFleetTesting
import Testing

/// The public and admin JSON of a kafka against `KafkaRequest`: every stored property either shows in the JSON or
/// is listed here, with the reason, as deliberately left out; so a new property forces a decision for each API.
@Suite("Kafka JSON coverage")
struct KafkaJSONCoverageTests {
    /// Properties the public `KafkaRequest` JSON does not show, and why.
    static let notInPublicJSON: [String: String] = [
        "ownerAccountID": "the owner's account id is quota bookkeeping; the reference shows the username only",
        "organisationID": "the caller's token names the organisation; the reference's public kafka has no such field",
        "capacityUnits": "sizing internals; the public JSON shows the size and its limits",
        "quotaUnits": "sizing internals; the public JSON shows the size and its limits",
        "placementID": "a data-plane detail the agent uses",
        "namespace": "a data-plane detail (admin API only)",
        "subscriptionID": "quota bookkeeping (admin API only)",
        "quotaType": "quota bookkeeping (admin API only)",
        "desiredVersions.kafka": "the public `version` is the running Kafka version; desired versions are admin API only",
        "desiredVersions.strimzi": "operator versions are admin API only",
        "desiredVersions.kafkaIBP": "operator versions are admin API only",
        "actualVersions.strimzi": "operator versions are admin API only",
        "actualVersions.kafkaIBP": "operator versions are admin API only",
        "kafkaUpgrading": "upgrade progress is admin API only",
        "strimziUpgrading": "upgrade progress is admin API only",
        "kafkaIBPUpgrading": "upgrade progress is admin API only",
        "canaryClientID": "the canary's credentials are never shown",
        "canaryClientSecret": "the canary's credentials are never shown",
        "routes": "the agent's routes are admin API only",
        "routesCreated": "reconciler progress (admin API only)",
        "bootstrapDNSCreated": "reconciler progress",
        "agentReportedReady": "reconciler progress",
        "statusChangedAt": "timeout bookkeeping",
        "deletedAt": "a deleted kafka is not served",
        "revision": "the store's compare-and-set counter",
    ]

    /// Properties the admin `Kafka` JSON does not show, and why.
    static let notInAdminJSON: [String: String] = [
        "capacityUnits": "sizing internals; the reference's admin kafka shows the size only",
        "quotaUnits": "sizing internals; the reference's admin kafka shows the size only",
        "adminAPIServerURL": "the reference's admin kafka has no such field (the public JSON shows it)",
        "placementID": "a data-plane detail the agent uses",
        "canaryClientID": "the canary's credentials are never shown",
        "canaryClientSecret": "the canary's credentials are never shown",
        "bootstrapDNSCreated": "reconciler progress",
        "agentReportedReady": "reconciler progress",
        "reauthenticationEnabled": "the reference's admin kafka has no such field (the public JSON shows it)",
        "billingCloudAccountID": "billing is in the public JSON; the reference's admin kafka has no billing fields",
        "marketplace": "billing is in the public JSON; the reference's admin kafka has no billing fields",
        "actualBillingModel": "billing is in the public JSON; the reference's admin kafka has no billing fields",
        "desiredBillingModel": "billing is in the public JSON; the reference's admin kafka has no billing fields",
        "promotionStatus": "promotion is in the public JSON; the reference's admin kafka has no such field",
        "promotionDetails": "promotion is in the public JSON; the reference's admin kafka has no such field",
        "expiresAt": "the reference's admin kafka has no such field (the public JSON shows it)",
        "statusChangedAt": "timeout bookkeeping",
        "deletedAt": "a deleted kafka is not served",
        "revision": "the store's compare-and-set counter",
    ]

    /// One change of each stored property of `KafkaRequest`, named by its path in `StoredProperties.of(_:)`; each
    /// keeps the kafka presentable (a retention size stays a quantity).
    static let changes: [String: @Sendable (inout KafkaRequest) -> Void] = [
        "id": { $0.id += "x" },
        "name": { $0.name += "-changed" },
        "status": { $0.status = .ready },
        "owner": { $0.owner += "-changed" },
        "ownerAccountID": { $0.ownerAccountID += "-changed" },
        "organisationID": { $0.organisationID += "-changed" },
        "cloudProvider": { $0.cloudProvider += "-changed" },
        "region": { $0.region += "-changed" },
        "multiAZ": { $0.multiAZ.toggle() },
        "instanceType": { $0.instanceType = "developer" },
        "sizeID": { $0.sizeID = "x2" },
        "capacityUnits": { $0.capacityUnits += 1 },
        "quotaUnits": { $0.quotaUnits += 1 },
        "maxDataRetentionSize": { $0.maxDataRetentionSize = "2000Gi" },
        "clusterID": { $0.clusterID += "-changed" },
        "bootstrapServerHost": { $0.bootstrapServerHost += ".changed" },
        "adminAPIServerURL": { $0.adminAPIServerURL += "/changed" },
        "failedReason": { $0.failedReason += " changed" },
        "placementID": { $0.placementID += "-changed" },
        "namespace": { $0.namespace += "-changed" },
        "subscriptionID": { $0.subscriptionID += "-changed" },
        "quotaType": { $0.quotaType += "-changed" },
        "desiredVersions.kafka": { $0.desiredVersions.kafka += ".1" },
        "desiredVersions.strimzi": { $0.desiredVersions.strimzi += ".1" },
        "desiredVersions.kafkaIBP": { $0.desiredVersions.kafkaIBP += ".1" },
        "actualVersions.kafka": { $0.actualVersions.kafka += ".1" },
        "actualVersions.strimzi": { $0.actualVersions.strimzi += ".1" },
        "actualVersions.kafkaIBP": { $0.actualVersions.kafkaIBP += ".1" },
        "kafkaUpgrading": { $0.kafkaUpgrading.toggle() },
        "strimziUpgrading": { $0.strimziUpgrading.toggle() },
        "kafkaIBPUpgrading": { $0.kafkaIBPUpgrading.toggle() },
        "canaryClientID": { $0.canaryClientID += "-changed" },
        "canaryClientSecret": { $0.canaryClientSecret += "-changed" },
        "routes": { $0.routes = ($0.routes ?? []) + [KafkaRoute(domain: "broker-1.example.com", router: "router.example.com")] },
        "routesCreated": { $0.routesCreated.toggle() },
        "bootstrapDNSCreated": { $0.bootstrapDNSCreated.toggle() },
        "agentReportedReady": { $0.agentReportedReady.toggle() },
        "reauthenticationEnabled": { $0.reauthenticationEnabled.toggle() },
        "billingCloudAccountID": { $0.billingCloudAccountID += "-changed" },
        "marketplace": { $0.marketplace += "-changed" },
        "actualBillingModel": { $0.actualBillingModel += "-changed" },
        "desiredBillingModel": { $0.desiredBillingModel = "standard" },
        "promotionStatus": { $0.promotionStatus += "-changed" },
        "promotionDetails": { $0.promotionDetails += " changed" },
        "expiresAt": { $0.expiresAt = $0.expiresAt.map { $0.addingTimeInterval(60) } },
        "createdAt": { $0.createdAt.addTimeInterval(60) },
        "updatedAt": { $0.updatedAt.addTimeInterval(60) },
        "statusChangedAt": { $0.statusChangedAt.addTimeInterval(60) },
        "deletedAt": { $0.deletedAt = $0.deletedAt.map { $0.addingTimeInterval(60) } },
        "revision": { $0.revision += 1 },
    ]

    /// A kafka with every property set and every conditional field of both JSON types showing: failed (so the
    /// failed reason shows) and enterprise-billed (so the public cluster id shows).
    static var kafka: KafkaRequest {
        let now = Date(timeIntervalSince1970: 1_700_000_000)
        var kafka = KafkaRequest(
            id: "cl0kafka0000000000a", name: "full", owner: "alice", organisationID: "org-a", cloudProvider: "aws",
            region: "us-east-1", instanceType: "standard", sizeID: "x1", multiAZ: true, capacityUnits: 1, quotaUnits: 1,
            maxDataRetentionSize: "1000Gi", now: now)
        kafka.status = .failed
        kafka.ownerAccountID = "acct-1"
        kafka.clusterID = "cluster-1"
        kafka.bootstrapServerHost = "full-abc.kafka.example.com"
        kafka.adminAPIServerURL = "https://admin.example.com"
        kafka.failedReason = "the data plane refused it"
        kafka.placementID = "placement-1"
        kafka.namespace = "kafka-cl0kafka0000000000a"
        kafka.subscriptionID = "sub-1"
        kafka.quotaType = "quota-management-list"
        kafka.desiredVersions = KafkaVersions(kafka: "3.3.1", strimzi: "strimzi-0.32", kafkaIBP: "3.3")
        kafka.actualVersions = KafkaVersions(kafka: "3.2.0", strimzi: "strimzi-0.31", kafkaIBP: "3.2")
        kafka.canaryClientID = "canary"
        kafka.canaryClientSecret = "secret"
        kafka.routes = [KafkaRoute(domain: "admin-api-full.example.com", router: "router.example.com")]
        kafka.billingCloudAccountID = "billing-1"
        kafka.marketplace = "aws"
        kafka.actualBillingModel = "enterprise"
        kafka.desiredBillingModel = BillingModelID.enterprise
        kafka.promotionStatus = "failed"
        kafka.promotionDetails = "details"
        kafka.expiresAt = now.addingTimeInterval(3600)
        kafka.updatedAt = now.addingTimeInterval(1)
        kafka.statusChangedAt = now.addingTimeInterval(2)
        kafka.deletedAt = now.addingTimeInterval(3)
        kafka.revision = 7
        return kafka
    }

    @Test("each listed change changes exactly its property, and every stored property has one")
    func changesCoverEveryProperty() {
        let before = StoredProperties.of(Self.kafka)
        let missing = Set(before.keys).subtracting(Self.changes.keys)
        #expect(missing.isEmpty, "stored properties of KafkaRequest without a change here: \(missing.sorted())")
        for (path, change) in Self.changes {
            var changed = Self.kafka
            change(&changed)
            #expect(StoredProperties.changed(before, StoredProperties.of(changed)) == [path], "the change of \(path)")
        }
    }

    @Test("every stored property of KafkaRequest shows in the public JSON or is listed as left out of it")
    func publicJSON() throws {
        try expectCoverage(leftOut: Self.notInPublicJSON) { kafka in
            try KafkaRequestJSON(kafka, instanceTypes: .default, browserURL: "https://console.example.com")
        }
    }

    @Test("every stored property of KafkaRequest shows in the admin JSON or is listed as left out of it")
    func adminJSON() throws {
        try expectCoverage(leftOut: Self.notInAdminJSON) { kafka in AdminKafkaJSON(kafka) }
    }

    /// Expects each property's change to change the JSON `present` makes, unless `leftOut` lists the property;
    /// then it must not.
    private func expectCoverage<JSON: Encodable>(
        leftOut: [String: String], _ present: (KafkaRequest) throws -> JSON, sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let properties = StoredProperties.of(Self.kafka)
        let unknown = Set(leftOut.keys).subtracting(properties.keys)
        #expect(unknown.isEmpty, "listed as left out but not a stored property: \(unknown.sorted())", sourceLocation: sourceLocation)
        let before = try encoder.encode(present(Self.kafka))
        for path in properties.keys.sorted() {
            let change = try #require(Self.changes[path], "no change for \(path)", sourceLocation: sourceLocation)
            var changed = Self.kafka
            change(&changed)
            let shows = try encoder.encode(present(changed)) != before
            if leftOut[path] != nil {
                #expect(!shows, "\(path) is listed as left out of the JSON but shows in it", sourceLocation: sourceLocation)
            } else {
                #expect(shows, "\(path) is neither in the JSON nor listed as left out of it", sourceLocation: sourceLocation)
            }
        }
    }
}
