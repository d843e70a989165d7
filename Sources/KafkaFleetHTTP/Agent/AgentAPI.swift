public import Hummingbird
public import KafkaFleetCore

/// The data-plane agent API under `/api/kafkas_mgmt/v1/agent-clusters/{id}`, wire-compatible with the reference's
/// private API: the agent reads its configuration and its cluster's desired kafkas, and reports their status and
/// its cluster's. The token's `clientId` must name the cluster's agent; anything else is 404 `KAFKAS-MGMT-7`.
public struct AgentAPI: Sendable {
    private let service: AgentService
    private let authenticator: Authenticator

    /// The agent API over `service`, authenticating with `authenticator`.
    public init(service: AgentService, authenticator: Authenticator) {
        self.service = service
        self.authenticator = authenticator
    }

    /// Adds the four agent routes to `router`.
    public func addRoutes(to router: Router<FleetRequestContext>) {
        let agents = router.group(RouterPath("\(APIPaths.v1)/agent-clusters"))
            .add(middleware: AuthenticationMiddleware(authenticator, level: .agent))
            .group(context: AuthenticatedRequestContext.self)
        agents.get("{id}", use: configuration)
        agents.put("{id}/status", use: clusterStatus)
        agents.get("{id}/kafkas", use: kafkas)
        agents.put("{id}/kafkas/status", use: kafkaStatuses)
    }

    private func cluster(_ context: AuthenticatedRequestContext) async throws -> DataPlaneCluster {
        let id = context.parameters.get("id") ?? ""
        return try await service.authorize(clusterID: id, clientID: context.caller.clientID)
    }

    @Sendable private func configuration(_ request: Request, context: AuthenticatedRequestContext) async throws -> Response {
        try WireJSON.response(service.agentConfiguration(of: try await cluster(context)))
    }

    @Sendable private func kafkas(_ request: Request, context: AuthenticatedRequestContext) async throws -> Response {
        try WireJSON.response(try await service.desiredKafkas(of: try await cluster(context)))
    }

    @Sendable private func clusterStatus(_ request: Request, context: AuthenticatedRequestContext) async throws -> Response {
        let cluster = try await cluster(context)
        let report = try await WireJSON.decode(DataPlaneClusterStatus.self, from: request, context: context)
        try await service.applyClusterStatus(report, from: cluster)
        return Response(status: .noContent)
    }

    @Sendable private func kafkaStatuses(_ request: Request, context: AuthenticatedRequestContext) async throws -> Response {
        let cluster = try await cluster(context)
        let reports = try await WireJSON.decode(KafkaStatusReports.self, from: request, context: context)
        try await service.applyKafkaStatuses(reports.statuses, from: cluster)
        return Response(status: .ok)
    }
}

/// The body of `PUT …/kafkas/status`: a map of kafka id to status; `null` or `{}` change nothing.
struct KafkaStatusReports: Decodable {
    var statuses: [String: DataPlaneKafkaStatus]

    init(from decoder: any Decoder) throws {
        statuses = try decoder.singleValueContainer().decode([String: DataPlaneKafkaStatus].self)
    }
}
