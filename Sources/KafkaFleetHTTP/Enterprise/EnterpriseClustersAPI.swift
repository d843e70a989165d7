public import Hummingbird
public import KafkaFleetCore

/// The enterprise cluster API under `/api/kafkas_mgmt/v1/clusters`, as the reference's public API: an organisation
/// registers its own data-plane clusters, lists and reads them, reads the agent add-on parameters and deregisters
/// them. Every route needs a valid token (any issuer) and enterprise quota for the caller's organisation.
public struct EnterpriseClustersAPI: Sendable {
    private let service: EnterpriseClusterService
    private let authenticator: Authenticator

    /// The API over `service`, authenticating with `authenticator`.
    public init(service: EnterpriseClusterService, authenticator: Authenticator) {
        self.service = service
        self.authenticator = authenticator
    }

    private var instanceTypes: InstanceTypeCatalog { service.instanceTypes }

    /// Adds the enterprise cluster routes to `router`.
    public func addRoutes(to router: Router<FleetRequestContext>) {
        let clusters = router.group(RouterPath(APIPaths.clusters))
            .add(middleware: AuthenticationMiddleware(authenticator, level: .publicIssuer))
            .add(middleware: EnterpriseAccessMiddleware(service: service))
            .group(context: AuthenticatedRequestContext.self)
        clusters.get(use: list)
        clusters.post(use: register)
        clusters.get("{id}", use: get)
        clusters.delete("{id}", use: deregister)
        clusters.get("{id}/addon_parameters", use: addonParameters)
    }

    private static func id(_ context: AuthenticatedRequestContext) -> String { context.parameters.get("id") ?? "" }

    /// `POST /clusters`: 200 with the cluster and its agent add-on parameters.
    @Sendable private func register(_ request: Request, context: AuthenticatedRequestContext) async throws -> Response {
        let body = try await WireJSON.decode(EnterpriseClusterPayloadJSON.self, from: request, context: context)
        let details = try await service.register(body.registration, by: context.requester)
        return try WireJSON.response(EnterpriseClusterJSON(details, instanceTypes: instanceTypes,
                                                           fleetshardParameters: service.fleetshardParameters(for: details.cluster)))
    }

    /// `GET /clusters`: every enterprise cluster of the organisation, on one page.
    @Sendable private func list(_ request: Request, context: AuthenticatedRequestContext) async throws -> Response {
        let items = try await service.list(by: context.requester).map { EnterpriseClusterJSON($0, instanceTypes: instanceTypes) }
        return try WireJSON.response(ListEnvelope(kind: "ClusterList", all: items))
    }

    /// `GET /clusters/{id}`.
    @Sendable private func get(_ request: Request, context: AuthenticatedRequestContext) async throws -> Response {
        let details = try await service.get(clusterID: Self.id(context), by: context.requester)
        return try WireJSON.response(EnterpriseClusterJSON(details, instanceTypes: instanceTypes))
    }

    /// `GET /clusters/{id}/addon_parameters`.
    @Sendable private func addonParameters(_ request: Request, context: AuthenticatedRequestContext) async throws -> Response {
        let id = Self.id(context)
        let parameters = try await service.addonParameters(clusterID: id, by: context.requester)
        return try WireJSON.response(EnterpriseClusterAddonParametersJSON(clusterID: id, parameters: parameters))
    }

    /// `DELETE /clusters/{id}?async=true`: 202 with an empty body, as the reference.
    @Sendable private func deregister(_ request: Request, context: AuthenticatedRequestContext) async throws -> Response {
        let async = QueryString(request.uri.query)["async"] == "true"
        try await service.deregister(clusterID: Self.id(context), by: context.requester, async: async)
        return WireJSON.emptyResponse(status: .accepted)
    }
}
