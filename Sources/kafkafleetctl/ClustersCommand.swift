import ArgumentParser
import Foundation

/// The fields of a data-plane cluster the CLI shows.
struct ClusterView: Codable {
    var id: String
    var cluster_id: String?
    var status: String?
    var cloud_provider: String?
    var region: String?
    var multi_az: Bool?
    var provider_type: String?
    var cluster_dns: String?
}

/// A list of clusters.
struct ClusterListView: Codable {
    var items: [ClusterView]
}

/// `kafkafleetctl clusters`: the data-plane clusters, through the admin API (needs an admin token).
struct ClustersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clusters", abstract: "List and show data-plane clusters (admin API).",
        subcommands: [List.self, Get.self]
    )

    static func table(_ clusters: [ClusterView]) -> String {
        Table.render(["CLUSTER ID", "STATUS", "CLOUD", "REGION", "MULTI-AZ", "PROVIDER", "DNS"], clusters.map {
            [$0.cluster_id ?? $0.id, $0.status ?? "", $0.cloud_provider ?? "", $0.region ?? "", ($0.multi_az ?? false) ? "yes" : "no",
             $0.provider_type ?? "", $0.cluster_dns ?? ""]
        })
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List clusters.")
        @OptionGroup var connection: ConnectionOptions

        func run() async throws {
            let data = try await connection.client().send("GET", "/api/kafkas_mgmt/v1/admin/clusters")
            try printResult(data, format: connection.output) {
                ClustersCommand.table(try JSONDecoder().decode(ClusterListView.self, from: data).items)
            }
        }
    }

    struct Get: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show one cluster.")
        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "The cluster's cluster_id.") var id: String

        func run() async throws {
            let data = try await connection.client().send("GET", "/api/kafkas_mgmt/v1/admin/clusters/\(APIClient.segment(id))")
            try printResult(data, format: connection.output) {
                ClustersCommand.table([try JSONDecoder().decode(ClusterView.self, from: data)])
            }
        }
    }
}
