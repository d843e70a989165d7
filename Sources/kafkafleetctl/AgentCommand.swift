import ArgumentParser
import Foundation
import KafkaFleetCore
import KafkaFleetHTTP
import KafkaFleetLocal
import ServiceLifecycle
import Logging

/// `kafkafleetctl agent simulate`: runs a simulated data-plane agent for one cluster, in its own process, speaking
/// the agent API over HTTP like a real agent.
struct AgentCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agent", abstract: "Data-plane agent tools.", subcommands: [Simulate.self]
    )

    struct Simulate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run a simulated agent for a cluster until interrupted (SIGINT or SIGTERM)."
        )

        @Option(help: "The cluster's cluster_id.") var clusterID: String
        @Option(help: "Base URL of the KafkaFleet API.") var url: String = "http://127.0.0.1:8000"
        @Option(help: "An agent token; default: minted from the development key in --data-dir.") var token: String?
        @Option(help: "The data directory holding the development key.") var dataDir: String = "./.kafkafleet"
        @Option(help: "The cluster's ingress DNS name (its cluster_dns); routes are reported under it.") var clusterDNS: String
        @Option(help: "Seconds before a new kafka is reported ready.") var readyAfter: Double = 2
        @Option(help: "Seconds between polls of the control plane.") var pollInterval: Double = 1

        func validate() throws {
            guard readyAfter >= 0, pollInterval > 0 else { throw ValidationError("--ready-after must be ≥ 0 and --poll-interval > 0") }
        }

        func run() async throws {
            let transport: HTTPAgentTransport
            if let token {
                transport = HTTPAgentTransport(baseURL: url, clusterID: clusterID) { token }
            } else {
                let tokens = AgentTokenMinter(key: try DevelopmentSigningKey.loadOrCreate(in: dataDir), clusterID: clusterID)
                transport = HTTPAgentTransport(baseURL: url, clusterID: clusterID) { try await tokens.token() }
            }
            let agent = SimulatedAgent(transport: transport, settings: SimulatedAgentSettings(
                readyAfter: .milliseconds(Int64(readyAfter * 1000)), pollInterval: .milliseconds(Int64(pollInterval * 1000)), clusterDNS: clusterDNS))
            let logger = Logger(label: "kafkafleetctl.agent")
            var configuration = ServiceGroupConfiguration(services: [agent], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
            // A round in flight is cancelled on shutdown; these bound the rest, so a signal always ends the process.
            configuration.maximumGracefulShutdownDuration = .seconds(5)
            configuration.maximumCancellationDuration = .seconds(5)
            let group = ServiceGroup(configuration: configuration)
            FileHandle.standardError.write(Data("simulating the agent of cluster \(clusterID) against \(url)\n".utf8))
            try await group.run()
        }
    }
}
