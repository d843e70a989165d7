import KafkaFleetCore

/// An enterprise cluster (`EnterpriseCluster`, kind `Cluster`), and with `fleetshard_parameters` the answer to a
/// registration (`EnterpriseClusterRegistrationResponse`). Its id is the cluster id; empty strings are omitted
/// as the reference's `omitempty` does.
struct EnterpriseClusterJSON: Encodable, Sendable {
    var id: String
    var kind = "Cluster"
    var href: String
    var clusterID: String?
    var status: String?
    var cloudProvider: String?
    var region: String?
    var multiAZ: Bool
    var accessKafkasViaPrivateNetwork: Bool
    var supportedInstanceTypes: InstanceTypeListJSON
    var capacityInformation: EnterpriseCapacityJSON
    var fleetshardParameters: [FleetshardParameterJSON]?

    enum CodingKeys: String, CodingKey {
        case id, kind, href, clusterID = "cluster_id", status, cloudProvider = "cloud_provider", region, multiAZ = "multi_az"
        case accessKafkasViaPrivateNetwork = "access_kafkas_via_private_network"
        case supportedInstanceTypes = "supported_instance_types", capacityInformation = "capacity_information"
        case fleetshardParameters = "fleetshard_parameters"
    }

    /// The cluster as its organisation sees it; the standard instance type is offered under the `enterprise`
    /// billing model only, with all its sizes.
    init(_ details: EnterpriseClusterDetails, instanceTypes: InstanceTypeCatalog, fleetshardParameters: [FleetshardParameter]? = nil) {
        func nonEmpty(_ text: String) -> String? { text.isEmpty ? nil : text }
        let cluster = details.cluster
        id = cluster.clusterID
        href = "\(APIPaths.clusters)/\(cluster.clusterID)"
        clusterID = nonEmpty(cluster.clusterID)
        status = nonEmpty(cluster.status.rawValue)
        cloudProvider = nonEmpty(cluster.cloudProvider)
        region = nonEmpty(cluster.region)
        multiAZ = cluster.multiAZ
        accessKafkasViaPrivateNetwork = cluster.accessKafkasViaPrivateNetwork
        let standard = instanceTypes.instanceType(InstanceTypeID.standard).map { type in
            var json = InstanceTypeJSON(type)
            json.supportedBillingModels.removeAll { $0.id != BillingModelID.enterprise }
            return json
        }
        supportedInstanceTypes = InstanceTypeListJSON(instanceTypes: standard.map { [$0] } ?? [])
        capacityInformation = EnterpriseCapacityJSON(
            kafkaMachinePoolNodeCount: details.kafkaMachinePoolNodeCount, maximumKafkaStreamingUnits: details.maximumStreamingUnits,
            remainingKafkaStreamingUnits: details.remainingStreamingUnits, consumedKafkaStreamingUnits: details.consumedStreamingUnits)
        self.fleetshardParameters = fleetshardParameters?.map(FleetshardParameterJSON.init)
    }
}

/// The `capacity_information` of an enterprise cluster, in streaming units.
struct EnterpriseCapacityJSON: Encodable, Sendable {
    var kafkaMachinePoolNodeCount: Int
    var maximumKafkaStreamingUnits: Int
    var remainingKafkaStreamingUnits: Int
    var consumedKafkaStreamingUnits: Int

    enum CodingKeys: String, CodingKey {
        case kafkaMachinePoolNodeCount = "kafka_machine_pool_node_count"
        case maximumKafkaStreamingUnits = "maximum_kafka_streaming_units"
        case remainingKafkaStreamingUnits = "remaining_kafka_streaming_units"
        case consumedKafkaStreamingUnits = "consumed_kafka_streaming_units"
    }
}
