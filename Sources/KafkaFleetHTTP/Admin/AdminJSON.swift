import Foundation
import KafkaFleetCore

/// A kafka as the admin API presents it (the reference's admin `Kafka`): the public fields that matter to an
/// operator plus versions, upgrade flags, organisation, namespace and routes.
struct AdminKafkaJSON: Encodable {
    struct Route: Encodable { var domain: String; var router: String }

    var id: String
    var kind = "Kafka"
    var href: String
    var status: String
    var cloudProvider: String?
    var region: String?
    var owner: String?
    var name: String?
    var failedReason: String?
    var instanceType: String?
    var sizeID: String?
    var multiAZ: Bool
    var bootstrapServerHost: String?
    var createdAt: String
    var updatedAt: String
    var desiredKafkaVersion: String?
    var actualKafkaVersion: String?
    var desiredStrimziVersion: String?
    var actualStrimziVersion: String?
    var desiredKafkaIBPVersion: String?
    var actualKafkaIBPVersion: String?
    var kafkaUpgrading: Bool
    var strimziUpgrading: Bool
    var kafkaIBPUpgrading: Bool
    var organisationID: String?
    var subscriptionID: String?
    var ownerAccountID: String?
    var quotaType: String?
    var clusterID: String?
    var namespace: String?
    var routes: [Route]?
    var routesCreated: Bool?
    var maxDataRetentionSize: ByteCountJSON

    init(_ kafka: KafkaRequest) {
        func nonEmpty(_ text: String) -> String? { text.isEmpty ? nil : text }
        id = kafka.id
        href = "\(APIPaths.v1)/kafkas/\(kafka.id)"
        status = kafka.status.rawValue
        cloudProvider = nonEmpty(kafka.cloudProvider)
        region = nonEmpty(kafka.region)
        owner = nonEmpty(kafka.owner)
        name = nonEmpty(kafka.name)
        failedReason = nonEmpty(kafka.failedReason)
        instanceType = nonEmpty(kafka.instanceType)
        sizeID = nonEmpty(kafka.sizeID)
        multiAZ = kafka.multiAZ
        bootstrapServerHost = kafka.bootstrapServerHost.isEmpty ? nil : "\(kafka.bootstrapServerHost):443"
        createdAt = WireJSON.timestamp(kafka.createdAt)
        updatedAt = WireJSON.timestamp(kafka.updatedAt)
        desiredKafkaVersion = nonEmpty(kafka.desiredVersions.kafka)
        actualKafkaVersion = nonEmpty(kafka.actualVersions.kafka)
        desiredStrimziVersion = nonEmpty(kafka.desiredVersions.strimzi)
        actualStrimziVersion = nonEmpty(kafka.actualVersions.strimzi)
        desiredKafkaIBPVersion = nonEmpty(kafka.desiredVersions.kafkaIBP)
        actualKafkaIBPVersion = nonEmpty(kafka.actualVersions.kafkaIBP)
        kafkaUpgrading = kafka.kafkaUpgrading
        strimziUpgrading = kafka.strimziUpgrading
        kafkaIBPUpgrading = kafka.kafkaIBPUpgrading
        organisationID = nonEmpty(kafka.organisationID)
        subscriptionID = nonEmpty(kafka.subscriptionID)
        ownerAccountID = nonEmpty(kafka.ownerAccountID)
        quotaType = nonEmpty(kafka.quotaType)
        clusterID = nonEmpty(kafka.clusterID)
        namespace = nonEmpty(kafka.namespace)
        routes = kafka.routes.flatMap { $0.isEmpty ? nil : $0.map { Route(domain: $0.domain, router: $0.router) } }
        routesCreated = kafka.routesCreated ? true : nil
        maxDataRetentionSize = ByteCountJSON(Quantity.bytes(kafka.maxDataRetentionSize) ?? 0)
    }

    enum CodingKeys: String, CodingKey {
        case id, kind, href, status, cloudProvider = "cloud_provider", region, owner, name,
            failedReason = "failed_reason", instanceType = "instance_type", sizeID = "size_id", multiAZ = "multi_az",
            bootstrapServerHost = "bootstrap_server_host", createdAt = "created_at", updatedAt = "updated_at",
            desiredKafkaVersion = "desired_kafka_version", actualKafkaVersion = "actual_kafka_version",
            desiredStrimziVersion = "desired_strimzi_version", actualStrimziVersion = "actual_strimzi_version",
            desiredKafkaIBPVersion = "desired_kafka_ibp_version", actualKafkaIBPVersion = "actual_kafka_ibp_version",
            kafkaUpgrading = "kafka_upgrading", strimziUpgrading = "strimzi_upgrading",
            kafkaIBPUpgrading = "kafka_ibp_upgrading", organisationID = "organisation_id",
            subscriptionID = "subscription_id", ownerAccountID = "owner_account_id", quotaType = "quota_type",
            clusterID = "cluster_id", namespace, routes, routesCreated = "routes_created",
            maxDataRetentionSize = "max_data_retention_size"
    }
}

/// A data-plane cluster as the admin API presents it (our extension: the reference has no admin cluster routes).
struct AdminClusterJSON: Encodable {
    struct Capacity: Encodable {
        var maxNodes: Int
        var maxUnits: Int
        var remainingUnits: Int

        enum CodingKeys: String, CodingKey {
            case maxNodes = "max_nodes", maxUnits = "max_units", remainingUnits = "remaining_units"
        }
    }

    var id: String
    var kind = "Cluster"
    var href: String
    var clusterID: String
    var status: String
    var cloudProvider: String
    var region: String
    var multiAZ: Bool
    var providerType: String
    var clusterType: String
    var clusterDNS: String
    var schedulable: Bool
    var supportedInstanceTypes: [String]
    var capacity: [String: Capacity]
    var strimziVersions: [String]
    var createdAt: String
    var updatedAt: String

    init(_ cluster: DataPlaneCluster) {
        id = cluster.clusterID
        href = "\(APIPaths.v1)/admin/clusters/\(cluster.clusterID)"
        clusterID = cluster.clusterID
        status = cluster.status.rawValue
        cloudProvider = cluster.cloudProvider
        region = cluster.region
        multiAZ = cluster.multiAZ
        providerType = cluster.providerType.rawValue
        clusterType = cluster.clusterType.rawValue
        clusterDNS = cluster.clusterDNS
        schedulable = cluster.schedulable
        supportedInstanceTypes = cluster.supportedInstanceTypes
        capacity = cluster.capacity.mapValues { Capacity(maxNodes: $0.maxNodes, maxUnits: $0.maxUnits, remainingUnits: $0.remainingUnits) }
        strimziVersions = cluster.availableStrimziVersions.map(\.version)
        createdAt = WireJSON.timestamp(cluster.createdAt)
        updatedAt = WireJSON.timestamp(cluster.updatedAt)
    }

    enum CodingKeys: String, CodingKey {
        case id, kind, href, clusterID = "cluster_id", status, cloudProvider = "cloud_provider", region,
            multiAZ = "multi_az", providerType = "provider_type", clusterType = "cluster_type",
            clusterDNS = "cluster_dns", schedulable, supportedInstanceTypes = "supported_instance_types", capacity,
            strimziVersions = "strimzi_versions", createdAt = "created_at", updatedAt = "updated_at"
    }
}

/// The body of `PATCH /admin/kafkas/{id}`.
struct AdminKafkaUpdateJSON: Decodable {
    var strimziVersion: String?
    var kafkaVersion: String?
    var kafkaIBPVersion: String?
    var maxDataRetentionSize: String?
    var suspended: Bool?

    var update: AdminKafkaUpdate {
        AdminKafkaUpdate(strimziVersion: strimziVersion, kafkaVersion: kafkaVersion, kafkaIBPVersion: kafkaIBPVersion,
                         maxDataRetentionSize: maxDataRetentionSize, suspended: suspended)
    }

    enum CodingKeys: String, CodingKey {
        case strimziVersion = "strimzi_version", kafkaVersion = "kafka_version", kafkaIBPVersion = "kafka_ibp_version",
            maxDataRetentionSize = "max_data_retention_size", suspended
    }
}
