import Foundation

/// The fields of a kafka the CLI shows.
struct KafkaView: Codable {
    var id: String
    var name: String?
    var status: String?
    var owner: String?
    var cloud_provider: String?
    var region: String?
    var instance_type: String?
    var size_id: String?
    var bootstrap_server_host: String?
    var failed_reason: String?
    var created_at: String?
}

/// A page of kafkas.
struct KafkaListView: Codable {
    var items: [KafkaView]
    var total: Int
}

/// Prints rows as aligned columns.
enum Table {
    static func render(_ header: [String], _ rows: [[String]]) -> String {
        let widths = header.indices.map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
        return ([header] + rows).map { row in
            row.enumerated().map { index, cell in
                index == row.count - 1 ? cell : cell.padding(toLength: widths[index], withPad: " ", startingAt: 0)
            }.joined(separator: "  ")
        }.joined(separator: "\n")
    }

    static func kafkas(_ kafkas: [KafkaView]) -> String {
        render(["ID", "NAME", "STATUS", "OWNER", "CLOUD", "REGION", "TYPE", "BOOTSTRAP"], kafkas.map {
            [$0.id, $0.name ?? "", $0.status ?? "", $0.owner ?? "", $0.cloud_provider ?? "", $0.region ?? "",
             [$0.instance_type, $0.size_id].compactMap { $0 }.joined(separator: "."), $0.bootstrap_server_host ?? ""]
        })
    }
}

/// Prints a JSON answer as the server sent it, or a table.
func printResult(_ data: Data, format: OutputFormat, table: () throws -> String) rethrows {
    switch format {
    case .json: print(String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    case .table: print(try table())
    }
}
