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
    var cloud_provider: String?
    var region: String?
    var owner: String?
    var name: String?
    var failed_reason: String?
    var instance_type: String?
    var size_id: String?
    var multi_az: Bool
    var bootstrap_server_host: String?
    var created_at: String
    var updated_at: String
    var desired_kafka_version: String?
    var actual_kafka_version: String?
    var desired_strimzi_version: String?
    var actual_strimzi_version: String?
    var desired_kafka_ibp_version: String?
    var actual_kafka_ibp_version: String?
    var kafka_upgrading: Bool
    var strimzi_upgrading: Bool
    var kafka_ibp_upgrading: Bool
    var organisation_id: String?
    var subscription_id: String?
    var owner_account_id: String?
    var quota_type: String?
    var cluster_id: String?
    var namespace: String?
    var routes: [Route]?
    var routes_created: Bool?
    var max_data_retention_size: ByteCountJSON

    init(_ kafka: KafkaRequest) {
        func nonEmpty(_ text: String) -> String? { text.isEmpty ? nil : text }
        id = kafka.id
        href = "\(APIPaths.v1)/kafkas/\(kafka.id)"
        status = kafka.status.rawValue
        cloud_provider = nonEmpty(kafka.cloudProvider)
        region = nonEmpty(kafka.region)
        owner = nonEmpty(kafka.owner)
        name = nonEmpty(kafka.name)
        failed_reason = nonEmpty(kafka.failedReason)
        instance_type = nonEmpty(kafka.instanceType)
        size_id = nonEmpty(kafka.sizeID)
        multi_az = kafka.multiAZ
        bootstrap_server_host = kafka.bootstrapServerHost.isEmpty ? nil : "\(kafka.bootstrapServerHost):443"
        created_at = WireJSON.timestamp(kafka.createdAt)
        updated_at = WireJSON.timestamp(kafka.updatedAt)
        desired_kafka_version = nonEmpty(kafka.desiredVersions.kafka)
        actual_kafka_version = nonEmpty(kafka.actualVersions.kafka)
        desired_strimzi_version = nonEmpty(kafka.desiredVersions.strimzi)
        actual_strimzi_version = nonEmpty(kafka.actualVersions.strimzi)
        desired_kafka_ibp_version = nonEmpty(kafka.desiredVersions.kafkaIBP)
        actual_kafka_ibp_version = nonEmpty(kafka.actualVersions.kafkaIBP)
        kafka_upgrading = kafka.kafkaUpgrading
        strimzi_upgrading = kafka.strimziUpgrading
        kafka_ibp_upgrading = kafka.kafkaIBPUpgrading
        organisation_id = nonEmpty(kafka.organisationID)
        subscription_id = nonEmpty(kafka.subscriptionID)
        owner_account_id = nonEmpty(kafka.ownerAccountID)
        quota_type = nonEmpty(kafka.quotaType)
        cluster_id = nonEmpty(kafka.clusterID)
        namespace = nonEmpty(kafka.namespace)
        routes = kafka.routes.flatMap { $0.isEmpty ? nil : $0.map { Route(domain: $0.domain, router: $0.router) } }
        routes_created = kafka.routesCreated ? true : nil
        max_data_retention_size = ByteCountJSON(Quantity.bytes(kafka.maxDataRetentionSize) ?? 0)
    }
}

/// A data-plane cluster as the admin API presents it (our extension: the reference has no admin cluster routes).
struct AdminClusterJSON: Encodable {
    struct Capacity: Encodable { var max_nodes: Int; var max_units: Int; var remaining_units: Int }

    var id: String
    var kind = "Cluster"
    var href: String
    var cluster_id: String
    var status: String
    var cloud_provider: String
    var region: String
    var multi_az: Bool
    var provider_type: String
    var cluster_type: String
    var cluster_dns: String
    var schedulable: Bool
    var supported_instance_types: [String]
    var capacity: [String: Capacity]
    var strimzi_versions: [String]
    var created_at: String
    var updated_at: String

    init(_ cluster: DataPlaneCluster) {
        id = cluster.clusterID
        href = "\(APIPaths.v1)/admin/clusters/\(cluster.clusterID)"
        cluster_id = cluster.clusterID
        status = cluster.status.rawValue
        cloud_provider = cluster.cloudProvider
        region = cluster.region
        multi_az = cluster.multiAZ
        provider_type = cluster.providerType.rawValue
        cluster_type = cluster.clusterType.rawValue
        cluster_dns = cluster.clusterDNS
        schedulable = cluster.schedulable
        supported_instance_types = cluster.supportedInstanceTypes
        capacity = cluster.capacity.mapValues { Capacity(max_nodes: $0.maxNodes, max_units: $0.maxUnits, remaining_units: $0.remainingUnits) }
        strimzi_versions = cluster.availableStrimziVersions.map(\.version)
        created_at = WireJSON.timestamp(cluster.createdAt)
        updated_at = WireJSON.timestamp(cluster.updatedAt)
    }
}

/// The body of `PATCH /admin/kafkas/{id}`.
struct AdminKafkaUpdateJSON: Decodable {
    var strimzi_version: String?
    var kafka_version: String?
    var kafka_ibp_version: String?
    var max_data_retention_size: String?
    var suspended: Bool?

    var update: AdminKafkaUpdate {
        AdminKafkaUpdate(strimziVersion: strimzi_version, kafkaVersion: kafka_version, kafkaIBPVersion: kafka_ibp_version,
                         maxDataRetentionSize: max_data_retention_size, suspended: suspended)
    }
}
