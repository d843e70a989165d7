public import Hummingbird
public import KafkaFleetCore

/// The admin API under `/api/kafkas_mgmt/v1/admin`: every organisation's kafkas (list with search, get, patch,
/// delete) as the reference's private admin API, and the data-plane clusters (our addition). Callers need a token
/// whose realm roles allow the request's method; anyone else gets 404 `KAFKAS-MGMT-7`.
public struct AdminAPI: Sendable {
    private let service: AdminService
    private let authenticator: Authenticator
    private let roles: AdminRoles

    /// The admin API over `service`, authenticating with `authenticator` and authorising with `roles`.
    public init(service: AdminService, authenticator: Authenticator, roles: AdminRoles = .default) {
        self.service = service
        self.authenticator = authenticator
        self.roles = roles
    }

    /// Adds the admin routes to `router`.
    public func addRoutes(to router: Router<FleetRequestContext>) {
        let admin = router.group(RouterPath("\(APIPaths.v1)/admin"))
            .add(middleware: AuthenticationMiddleware(authenticator, level: .admin))
            .add(middleware: AdminAuthorizationMiddleware(roles: roles))
            .group(context: AuthenticatedRequestContext.self)
        admin.get("kafkas", use: listKafkas)
        admin.get("kafkas/{id}", use: getKafka)
        admin.patch("kafkas/{id}", use: updateKafka)
        admin.delete("kafkas/{id}", use: deleteKafka)
        admin.get("clusters", use: listClusters)
        admin.get("clusters/{id}", use: getCluster)
    }

    private static func id(_ context: AuthenticatedRequestContext) -> String { context.parameters.get("id") ?? "" }

    @Sendable private func listKafkas(_ request: Request, context: AuthenticatedRequestContext) async throws -> Response {
        let query = QueryString(request.uri.query)
        let page = try await service.list(KafkaListParameters(page: query["page"], size: query["size"], orderBy: query["orderBy"],
                                                              search: query["search"]))
        return try WireJSON.response(ListEnvelope(kind: "KafkaList", page: page.page, size: page.size, total: page.total,
                                                  items: page.items.map(AdminKafkaJSON.init)))
    }

    @Sendable private func getKafka(_ request: Request, context: AuthenticatedRequestContext) async throws -> Response {
        try WireJSON.response(AdminKafkaJSON(try await service.get(id: Self.id(context))))
    }

    @Sendable private func updateKafka(_ request: Request, context: AuthenticatedRequestContext) async throws -> Response {
        let body = try await WireJSON.decode(AdminKafkaUpdateJSON.self, from: request, context: context)
        return try WireJSON.response(AdminKafkaJSON(try await service.update(id: Self.id(context), with: body.update)))
    }

    @Sendable private func deleteKafka(_ request: Request, context: AuthenticatedRequestContext) async throws -> Response {
        guard QueryString(request.uri.query)["async"] == "true" else { throw FleetError(.syncActionNotSupported) }
        try await service.delete(id: Self.id(context))
        return WireJSON.emptyResponse(status: .accepted)
    }

    @Sendable private func listClusters(_ request: Request, context: AuthenticatedRequestContext) async throws -> Response {
        try WireJSON.response(ListEnvelope(kind: "ClusterList", all: try await service.clusters().map(AdminClusterJSON.init)))
    }

    @Sendable private func getCluster(_ request: Request, context: AuthenticatedRequestContext) async throws -> Response {
        try WireJSON.response(AdminClusterJSON(try await service.cluster(clusterID: Self.id(context))))
    }
}
