public import AsyncHTTPClient
import Foundation
public import KafkaFleetCore
import NIOCore

/// The agent protocol over HTTP, as a real data-plane agent speaks it: `GET /agent-clusters/{id}/kafkas`,
/// `PUT …/kafkas/status`, `PUT …/status`, each with a bearer token whose `clientId` names the cluster's agent.
///
/// The embedded default of `kafkafleetd` runs its simulated agent on this transport over loopback, and
/// `kafkafleetctl agent simulate` runs one against any control plane, so the agent API, its authentication and
/// its validation are exercised exactly as a real agent exercises them. A call times out after 30 seconds; an
/// answer other than 2xx is a `CallFailed`.
public struct HTTPAgentTransport: AgentTransport {
    /// A failure of the control plane to accept an agent call.
    public struct CallFailed: Error, CustomStringConvertible {
        /// The HTTP status.
        public var status: UInt
        /// The response body.
        public var body: String

        /// The status and body, for logs.
        public var description: String { "control plane answered \(status): \(body)" }
    }

    private let client: HTTPClient
    private let clusterURL: String
    private let token: @Sendable () async throws -> String

    /// A transport to the control plane at `baseURL` (e.g. `http://127.0.0.1:8000`) for cluster `clusterID`; `token`
    /// is asked for a bearer token before every call, so it may renew tokens as they expire.
    public init(client: HTTPClient = .shared, baseURL: String, clusterID: String, token: @escaping @Sendable () async throws -> String) {
        self.client = client
        self.clusterURL = "\(baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL)/api/kafkas_mgmt/v1/agent-clusters/\(clusterID)"
        self.token = token
    }

    /// `GET …/kafkas`: the cluster's desired kafkas.
    public func desiredKafkas() async throws -> ManagedKafkaList {
        let body = try await call("GET", "\(clusterURL)/kafkas", body: nil)
        return try JSONDecoder().decode(ManagedKafkaList.self, from: body)
    }

    /// `PUT …/kafkas/status`: reports kafka statuses.
    public func reportKafkas(_ statuses: [String: DataPlaneKafkaStatus]) async throws {
        _ = try await call("PUT", "\(clusterURL)/kafkas/status", body: try JSONEncoder().encode(statuses))
    }

    /// `PUT …/status`: reports the cluster's status.
    public func reportCluster(_ status: DataPlaneClusterStatus) async throws {
        _ = try await call("PUT", "\(clusterURL)/status", body: try JSONEncoder().encode(status))
    }

    private func call(_ method: String, _ url: String, body: Data?) async throws -> Data {
        var request = HTTPClientRequest(url: url)
        request.method = .init(rawValue: method)
        request.headers.add(name: "Authorization", value: "Bearer \(try await token())")
        if let body {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(bytes: body))
        }
        let response = try await client.execute(request, timeout: .seconds(30))
        let bytes = try await response.body.collect(upTo: 64 << 20)
        let data = Data(bytes.readableBytesView)
        guard (200..<300).contains(response.status.code) else {
            throw CallFailed(status: response.status.code, body: String(decoding: data, as: UTF8.self))
        }
        return data
    }
}
