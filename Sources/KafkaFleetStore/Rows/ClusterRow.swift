import KafkaFleetCore
import SQLKit

/// How a `DataPlaneCluster` maps to a row of `clusters`. Capacity and Strimzi versions are JSON text;
/// supported instance types are a comma list, as in the reference.
enum ClusterRow {
    static let table = "clusters"

    /// Every column, in the order `fields(of:)` lists them, then `id` and `revision`.
    static let columns: [String] = fieldColumns + ["id", "revision"]

    /// The columns a write sets from the value (all but `id` and `revision`).
    static let fieldColumns: [String] = [
        "cluster_id", "external_id", "name", "status", "provider_type", "cluster_type", "organization_id",
        "cloud_provider", "region", "multi_az", "cluster_dns", "supported_instance_type", "schedulable",
        "kafka_instance_limit", "dynamic_capacity_info", "available_strimzi_versions", "client_id", "client_secret",
        "identity_provider_id", "access_kafkas_via_private_network", "created_at", "updated_at", "status_changed_at",
        "deleted_at",
    ]

    /// The bound values of `fieldColumns`, in the same order.
    static func fields(of cluster: DataPlaneCluster) throws(StoreError) -> [any SQLExpression] {
        let b: (any Encodable & Sendable) -> any SQLExpression = { SQLBind($0) }
        return [
            b(cluster.clusterID), b(cluster.externalID), b(cluster.name), b(cluster.status.rawValue),
            b(cluster.providerType.rawValue), b(cluster.clusterType.rawValue), b(cluster.organizationID),
            b(cluster.cloudProvider), b(cluster.region), b(cluster.multiAZ), b(cluster.clusterDNS),
            b(cluster.supportedInstanceTypes.joined(separator: ",")), b(cluster.schedulable),
            SQLValue.optional(cluster.kafkaInstanceLimit), try SQLValue.json(cluster.capacity),
            try SQLValue.json(cluster.availableStrimziVersions), b(cluster.clientID), b(cluster.clientSecret),
            b(cluster.identityProviderID), b(cluster.accessKafkasViaPrivateNetwork), b(cluster.createdAt),
            b(cluster.updatedAt), b(cluster.statusChangedAt), SQLValue.optional(cluster.deletedAt),
        ]
    }

    /// The cluster stored in `row`.
    static func decode(_ r: RowReader) throws(StoreError) -> DataPlaneCluster {
        let instanceTypes = try r.string("supported_instance_type")
        var cluster = DataPlaneCluster(
            id: try r.string("id"), clusterID: try r.string("cluster_id"), name: try r.string("name"),
            status: try r.enumValue("status", as: ClusterStatus.self),
            providerType: try r.enumValue("provider_type", as: ClusterProviderType.self),
            clusterType: try r.enumValue("cluster_type", as: ClusterType.self),
            cloudProvider: try r.string("cloud_provider"), region: try r.string("region"),
            multiAZ: try r.bool("multi_az"), clusterDNS: try r.string("cluster_dns"),
            supportedInstanceTypes: instanceTypes.isEmpty ? [] : instanceTypes.split(separator: ",").map(String.init),
            now: try r.date("created_at")
        )
        cluster.externalID = try r.string("external_id")
        cluster.organizationID = try r.string("organization_id")
        cluster.schedulable = try r.bool("schedulable")
        cluster.kafkaInstanceLimit = try r.optionalInt("kafka_instance_limit")
        cluster.capacity = try r.json("dynamic_capacity_info", as: [String: ClusterCapacity].self) ?? [:]
        cluster.availableStrimziVersions = try r.json("available_strimzi_versions", as: [StrimziVersion].self) ?? []
        cluster.clientID = try r.string("client_id")
        cluster.clientSecret = try r.string("client_secret")
        cluster.identityProviderID = try r.string("identity_provider_id")
        cluster.accessKafkasViaPrivateNetwork = try r.bool("access_kafkas_via_private_network")
        cluster.updatedAt = try r.date("updated_at")
        cluster.statusChangedAt = try r.date("status_changed_at")
        cluster.deletedAt = try r.optionalDate("deleted_at")
        cluster.revision = try r.int("revision")
        return cluster
    }
}
