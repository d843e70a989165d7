import KafkaFleetCore

/// The body of `POST /clusters` (`EnterpriseOsdClusterPayload`): every field optional, so a missing one is
/// refused by the service's validation rather than by decoding; unknown fields are ignored. `cloud_provider` and
/// `region` are KafkaFleet's additions (the reference reads both from OCM).
struct EnterpriseClusterPayloadJSON: Decodable {
    var clusterID: String?
    var clusterIngressDNSName: String?
    var kafkaMachinePoolNodeCount: Int32?
    var accessKafkasViaPrivateNetwork: Bool?
    var cloudProvider: String?
    var region: String?

    enum CodingKeys: String, CodingKey {
        case clusterID = "cluster_id", clusterIngressDNSName = "cluster_ingress_dns_name"
        case kafkaMachinePoolNodeCount = "kafka_machine_pool_node_count"
        case accessKafkasViaPrivateNetwork = "access_kafkas_via_private_network", cloudProvider = "cloud_provider", region
    }

    /// The service's view of the payload.
    var registration: EnterpriseClusterRegistration {
        EnterpriseClusterRegistration(
            clusterID: clusterID, clusterIngressDNSName: clusterIngressDNSName, kafkaMachinePoolNodeCount: kafkaMachinePoolNodeCount.map(Int.init),
            accessKafkasViaPrivateNetwork: accessKafkasViaPrivateNetwork, cloudProvider: cloudProvider, region: region)
    }
}
