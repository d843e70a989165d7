import Foundation
import KafkaFleetCore

/// Tokens for the agent of one data-plane cluster (`clientId` = the cluster's default agent client id), minted with
/// the development key and reused until shortly before they expire, so an agent that calls several times a second
/// does not sign a token per call.
public actor AgentTokenMinter {
    private let key: DevelopmentSigningKey
    private let clusterID: String
    private let issuer: String
    private let lifetime: Duration
    private var cached: (token: String, renewAt: Date)?

    /// A minter for the agent of `clusterID`, whose tokens carry `issuer` and live `lifetime`.
    public init(key: DevelopmentSigningKey, clusterID: String, issuer: String = DevelopmentSigningKey.defaultIssuer,
                lifetime: Duration = .seconds(3600)) {
        self.key = key
        self.clusterID = clusterID
        self.issuer = issuer
        self.lifetime = lifetime
    }

    /// A valid token: the cached one while more than a sixth of its lifetime is left, else a new one.
    public func token() async throws -> String {
        let now = Date()
        if let cached, cached.renewAt > now { return cached.token }
        let token = try await key.mint(orgID: "", username: "agent-\(clusterID)", ttl: lifetime,
                                       clientID: DataPlaneCluster.defaultClientID(forClusterID: clusterID), issuer: issuer, now: now)
        cached = (token, now.addingTimeInterval(lifetime.timeInterval * 5 / 6))
        return token
    }
}
