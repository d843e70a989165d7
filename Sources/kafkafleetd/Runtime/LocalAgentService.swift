import KafkaFleetCore
import KafkaFleetHTTP
import KafkaFleetLocal
import ServiceLifecycle

/// The embedded default's simulated agent: once the API listens, it runs a `SimulatedAgent` for the local cluster
/// that speaks the real agent API over loopback HTTP with a token minted from the development key.
struct LocalAgentService: Service {
    let readiness: Readiness
    let host: String
    let clusterID: String
    let clusterDNS: String
    let readyAfter: Duration
    let key: DevelopmentSigningKey
    let issuer: String
    let changes: any ChangeFeed

    func run() async throws {
        let port = await readiness.apiPort()
        let urlHost = host.contains(":") ? "[\(host)]" : (host == "0.0.0.0" ? "127.0.0.1" : host)
        let tokens = AgentTokenMinter(key: key, clusterID: clusterID, issuer: issuer, lifetime: .seconds(300))
        let transport = HTTPAgentTransport(baseURL: "http://\(urlHost):\(port)", clusterID: clusterID) { try await tokens.token() }
        let agent = SimulatedAgent(transport: transport,
                                   settings: SimulatedAgentSettings(readyAfter: readyAfter, pollInterval: .seconds(5), clusterDNS: clusterDNS),
                                   changes: changes)
        try await agent.run()
    }
}
