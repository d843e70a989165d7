import ArgumentParser
import Foundation

/// How to reach a running daemon: its URL and a token.
struct ConnectionOptions: ParsableArguments {
    @Option(help: "Base URL of the KafkaFleet API.")
    var url: String = ProcessInfo.processInfo.environment["KAFKAFLEET_URL"] ?? "http://127.0.0.1:8000"

    @Option(help: "Bearer token (default: $KAFKAFLEET_TOKEN).")
    var token: String?

    @Option(help: "Output format: table or json.")
    var output: OutputFormat = .table

    /// The token from the flag or the environment.
    func resolvedToken() throws -> String {
        if let token, !token.isEmpty { return token }
        if let token = ProcessInfo.processInfo.environment["KAFKAFLEET_TOKEN"], !token.isEmpty { return token }
        throw ValidationError("no token: pass --token or set KAFKAFLEET_TOKEN (e.g. export KAFKAFLEET_TOKEN=$(kafkafleetctl token))")
    }

    /// A client for the API.
    func client() throws -> APIClient { APIClient(baseURL: url, token: try resolvedToken()) }
}

/// How a command prints what it got.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    /// Aligned columns for people.
    case table
    /// The API's JSON, for scripts.
    case json
}
