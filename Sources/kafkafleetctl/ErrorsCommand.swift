import ArgumentParser
import Foundation

/// `kafkafleetctl errors list`: the API's error catalogue (no token needed).
struct ErrorsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "errors", abstract: "Show the API's error catalogue.", subcommands: [List.self]
    )

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List every error code and its reason.")
        @Option(help: "Base URL of the KafkaFleet API.")
        var url: String = ProcessInfo.processInfo.environment["KAFKAFLEET_URL"] ?? "http://127.0.0.1:8000"
        @Option(help: "Output format: table or json.") var output: OutputFormat = .table

        func run() async throws {
            struct Entry: Decodable { var code: String; var reason: String }
            struct Page: Decodable { var items: [Entry] }
            let data = try await APIClient(baseURL: url, token: "").send("GET", "/api/kafkas_mgmt/v1/errors?size=1000")
            try printResult(data, format: output) {
                let page = try JSONDecoder().decode(Page.self, from: data)
                return Table.render(["CODE", "REASON"], page.items.map { [$0.code, $0.reason] })
            }
        }
    }
}
