import KafkaFleetCore

/// One agent add-on parameter (`FleetshardParameter`).
struct FleetshardParameterJSON: Encodable, Sendable {
    var id: String
    var value: String

    init(_ parameter: FleetshardParameter) {
        id = parameter.id
        value = parameter.value
    }
}

/// The agent add-on parameters of a cluster (`EnterpriseClusterAddonParameters`, kind `ClusterAddonParameters`).
struct EnterpriseClusterAddonParametersJSON: Encodable, Sendable {
    var id: String
    var kind = "ClusterAddonParameters"
    var href: String
    var fleetshardParameters: [FleetshardParameterJSON]

    enum CodingKeys: String, CodingKey { case id, kind, href, fleetshardParameters = "fleetshard_parameters" }

    init(clusterID: String, parameters: [FleetshardParameter]) {
        id = clusterID
        href = "\(APIPaths.clusters)/\(clusterID)/addon_parameters"
        fleetshardParameters = parameters.map(FleetshardParameterJSON.init)
    }
}
