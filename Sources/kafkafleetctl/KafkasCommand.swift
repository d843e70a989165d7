import ArgumentParser
import Foundation

/// `kafkafleetctl kafkas`: the kafkas of the caller's organisation.
struct KafkasCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kafkas", abstract: "List, show, create and delete kafkas.",
        subcommands: [List.self, Get.self, Create.self, Delete.self]
    )

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List kafkas.")
        @OptionGroup var connection: ConnectionOptions
        @Option(help: "A search query, e.g. \"status = ready and name like demo%\".") var search: String?
        @Option(help: "Page number.") var page: Int = 1
        @Option(help: "Page size.") var size: Int = 100

        func run() async throws {
            var query = "page=\(page)&size=\(size)"
            if let search { query += "&search=\(search.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? search)" }
            let data = try await connection.client().send("GET", "/api/kafkas_mgmt/v1/kafkas?\(query)")
            try printResult(data, format: connection.output) {
                Table.kafkas(try JSONDecoder().decode(KafkaListView.self, from: data).items)
            }
        }
    }

    struct Get: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show one kafka.")
        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "The kafka's id.") var id: String

        func run() async throws {
            let data = try await connection.client().send("GET", "/api/kafkas_mgmt/v1/kafkas/\(APIClient.segment(id))")
            try printResult(data, format: connection.output) {
                Table.kafkas([try JSONDecoder().decode(KafkaView.self, from: data)])
            }
        }
    }

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create a kafka.")
        @OptionGroup var connection: ConnectionOptions
        @Option(help: "The kafka's name (lowercase letters, digits and dashes).") var name: String
        @Option(help: "Cloud provider (default: the service's default).") var cloudProvider: String?
        @Option(help: "Region (default: the provider's default).") var region: String?
        @Option(help: "Plan, <instance type>.<size>, e.g. standard.x1.") var plan: String?
        @Flag(help: "Wait until the kafka is ready or failed, showing its progress.") var wait = false
        @Option(help: "Seconds to wait at most with --wait.") var timeout: Int = 600

        func run() async throws {
            var payload: [String: String] = ["name": name]
            payload["cloud_provider"] = cloudProvider
            payload["region"] = region
            payload["plan"] = plan
            let client = try connection.client()
            let data = try await client.send("POST", "/api/kafkas_mgmt/v1/kafkas?async=true", body: try JSONEncoder().encode(payload))
            let kafka = try JSONDecoder().decode(KafkaView.self, from: data)
            guard wait else {
                return printResult(data, format: connection.output) { Table.kafkas([kafka]) }
            }
            let final = try await StatusWatcher(client: client, id: kafka.id, timeout: .seconds(timeout))
                .waitUntil(done: { ["ready", "failed"].contains($0.status ?? "") })
            try printFinal(final, client: client)
            if final?.status == "failed" { throw ExitCode(1) }
        }

        private func printFinal(_ kafka: KafkaView?, client: APIClient) throws {
            guard let kafka else { return }
            switch connection.output {
            case .json: print(String(decoding: try JSONEncoder().encode(kafka), as: UTF8.self))
            case .table:
                print(Table.kafkas([kafka]))
                if let reason = kafka.failed_reason, !reason.isEmpty { print("failed: \(reason)") }
            }
        }
    }

    struct Delete: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Delete a kafka.")
        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "The kafka's id.") var id: String
        @Flag(help: "Wait until the kafka is gone, showing its progress.") var wait = false
        @Option(help: "Seconds to wait at most with --wait.") var timeout: Int = 600

        func run() async throws {
            let client = try connection.client()
            _ = try await client.send("DELETE", "/api/kafkas_mgmt/v1/kafkas/\(APIClient.segment(id))?async=true")
            if wait {
                _ = try await StatusWatcher(client: client, id: id, timeout: .seconds(timeout)).waitUntil(done: { _ in false })
            }
            print("kafka \(id) \(wait ? "deleted" : "is being deleted")")
        }
    }
}
