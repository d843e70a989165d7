import ArgumentParser
import Foundation
import KafkaFleetCore
import KafkaFleetHTTP

/// `kafkafleetctl token`: prints a development token signed with the data directory's key, alone on stdout.
struct TokenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token",
        abstract: "Mint a development token with the key in the data directory (the one `kafkafleetd serve` uses)."
    )

    @Option(help: "The data directory of the daemon.") var dataDir: String = "./.kafkafleet"
    @Option(help: "The organisation id claim.") var orgID: String = "kafkafleet-dev"
    @Option(help: "The username claim.") var username: String = "developer"
    @Flag(help: "Make the user an administrator of its organisation.") var orgAdmin = false
    @Option(help: "How long the token is valid, e.g. 30m, 1h, 2d.") var ttl: String = "1h"
    @Option(help: "Mint an agent token for this data-plane cluster (clientId kas-fleetshard-agent-<id>).") var agentClusterID: String?
    @Option(help: "An admin API role to grant, e.g. kas-fleet-manager-admin-full (repeatable).") var adminRole: [String] = []
    @Option(help: "The issuer claim.") var issuer: String = DevelopmentSigningKey.defaultIssuer

    func validate() throws {
        guard Self.parseTTL(ttl) != nil else { throw ValidationError("--ttl must be a number followed by s, m, h or d, e.g. 1h") }
    }

    func run() async throws {
        let key: DevelopmentSigningKey
        do {
            key = try DevelopmentSigningKey.loadOrCreate(in: dataDir)
        } catch {
            throw ValidationError("cannot load or create the development key in \(dataDir): \(error)")
        }
        let clientID = agentClusterID.map(DataPlaneCluster.defaultClientID(forClusterID:))
        let token = try await key.mint(orgID: agentClusterID == nil ? orgID : "", username: agentClusterID.map { "agent-\($0)" } ?? username,
                                       isOrgAdmin: orgAdmin, ttl: Self.parseTTL(ttl) ?? .seconds(3600), clientID: clientID,
                                       roles: adminRole, issuer: issuer)
        print(token)
    }

    /// A duration such as `90s`, `30m`, `1h` or `2d`.
    static func parseTTL(_ text: String) -> Duration? {
        let units: [Character: Int64] = ["s": 1, "m": 60, "h": 3600, "d": 86_400]
        guard let unit = text.last, let factor = units[unit], let value = Int64(text.dropLast()), value > 0 else { return nil }
        let (seconds, overflow) = value.multipliedReportingOverflow(by: factor)
        return overflow ? nil : .seconds(seconds)
    }
}
