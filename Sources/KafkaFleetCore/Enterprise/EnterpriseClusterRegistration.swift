/// What an organisation administrator sends to register its own data-plane cluster (the reference's
/// `EnterpriseOsdClusterPayload`). Missing fields are `nil` and validate as the reference's zero values would.
///
/// `cloudProvider` and `region` are KafkaFleet's own optional fields: the reference reads both from OCM, which
/// the embedded setup does not have, so they default to the provider catalogue's default provider and region.
public struct EnterpriseClusterRegistration: Sendable, Hashable {
    /// The cluster's OCM id: exactly 32 letters and digits.
    public var clusterID: String?
    /// The cluster's ingress DNS name, e.g. `apps.my-cluster.abcd.s1.devshift.org`.
    public var clusterIngressDNSName: String?
    /// The node count of the `kafka-standard` machine pool: at least 3 and a multiple of 3.
    public var kafkaMachinePoolNodeCount: Int?
    /// Whether kafkas on the cluster are reached through a private network.
    public var accessKafkasViaPrivateNetwork: Bool?
    /// The cloud provider the cluster runs on; the catalogue's default when absent.
    public var cloudProvider: String?
    /// The region the cluster runs in; the provider's default region when absent.
    public var region: String?

    /// The fewest nodes the kafka machine pool may have.
    public static let minimumNodeCount = 3

    /// A registration from its parts.
    public init(clusterID: String?, clusterIngressDNSName: String?, kafkaMachinePoolNodeCount: Int?,
                accessKafkasViaPrivateNetwork: Bool?, cloudProvider: String? = nil, region: String? = nil) {
        self.clusterID = clusterID
        self.clusterIngressDNSName = clusterIngressDNSName
        self.kafkaMachinePoolNodeCount = kafkaMachinePoolNodeCount
        self.accessKafkasViaPrivateNetwork = accessKafkasViaPrivateNetwork
        self.cloudProvider = cloudProvider
        self.region = region
    }

    /// Checks the fields that need no lookup, in the reference's order: the id's length (33 shorter, 34 longer)
    /// and characters (45); uniqueness (44) is the service's next step, then `validateRest()`.
    func validateClusterID() throws(FleetError) -> String {
        let id = clusterID ?? ""
        let length = ClusterIDRule.registeredLength
        if id.count < length {
            throw FleetError(.minimumFieldLength, "cluster id is not valid, minimum length \(length) is required")
        }
        if id.count > length {
            throw FleetError(.maximumFieldLength, "cluster id is not valid, maximum length \(length) is required")
        }
        try ClusterIDRule.validateAlphanumeric(id)
        return id
    }

    /// Checks the DNS name (47) and the node count (37), in the reference's order, after the id is known to be free.
    func validateRest() throws(FleetError) -> (dnsName: String, nodeCount: Int) {
        let dnsName = clusterIngressDNSName ?? ""
        guard DNSNameRule.isValid(dnsName) else {
            throw FleetError(.invalidDNSName, "cluster dns name '\(dnsName)' is not a valid DNS name")
        }
        let count = kafkaMachinePoolNodeCount ?? 0
        let minimum = Self.minimumNodeCount
        if count < minimum {
            throw FleetError(.fieldValidation,
                             "Field validation failed: kafka machine pool node count \(count) must be at least \(minimum)")
        }
        if count % 3 != 0 {
            throw FleetError(.fieldValidation,
                             "Field validation failed: kafka machine pool node count \(count) must be a multiple of 3")
        }
        return (dnsName, count)
    }
}
