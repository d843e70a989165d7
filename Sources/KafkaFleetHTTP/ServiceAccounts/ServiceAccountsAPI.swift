public import Hummingbird
public import KafkaFleetCore

/// The service-account API under `/api/kafkas_mgmt/v1/service_accounts`, wire-compatible with the reference: list
/// (or look up one by `?client_id=`), create (202), read, delete (204) and reset the credentials of the caller's
/// organisation's service accounts. Every route needs a tenant token (issuer, organisation, access lists), like
/// `/kafkas`; the rules behind them are `ServiceAccountService`'s.
public struct ServiceAccountsAPI: Sendable {
    private let service: ServiceAccountService
    private let authenticator: Authenticator

    /// The API over `service`, authenticating with `authenticator`.
    public init(service: ServiceAccountService, authenticator: Authenticator) {
        self.service = service
        self.authenticator = authenticator
    }

    /// The collection's path.
    static let path = "\(APIPaths.v1)/service_accounts"

    /// The `href` of the account with this id.
    static func href(of id: String) -> String { "\(path)/\(id)" }

    /// Adds the service-account routes to `router`.
    public func addRoutes(to router: Router<FleetRequestContext>) {
        let accounts = router.group(RouterPath(Self.path))
            .add(middleware: AuthenticationMiddleware(authenticator, level: .tenant))
            .group(context: AuthenticatedRequestContext.self)
        accounts.get(use: list)
        accounts.post(use: create)
        accounts.get("{id}", use: get)
        accounts.delete("{id}", use: delete)
        accounts.post("{id}/reset_credentials", use: resetCredentials)
    }

    private static func id(_ context: AuthenticatedRequestContext) -> String { context.parameters.get("id") ?? "" }

    /// `GET /service_accounts`: the organisation's accounts; with a non-empty `client_id`, a list of that one account.
    @Sendable private func list(_ request: Request, context: AuthenticatedRequestContext) async throws -> Response {
        if let clientID = QueryString(request.uri.query)["client_id"], !clientID.isEmpty {
            let account = try await service.account(clientID: clientID, by: context.requester)
            return try WireJSON.response(ServiceAccountListJSON([account]))
        }
        return try WireJSON.response(ServiceAccountListJSON(try await service.list(by: context.requester)))
    }

    /// `POST /service_accounts`: 202 with the new account and its secret, as the reference answers (its spec says 200).
    @Sendable private func create(_ request: Request, context: AuthenticatedRequestContext) async throws -> Response {
        let body = try await WireJSON.decode(ServiceAccountRequestJSON.self, from: request, context: context)
        let issued = try await service.create(name: body.name, description: body.description, by: context.requester)
        return try WireJSON.response(ServiceAccountJSON(issued), status: .accepted)
    }

    /// `GET /service_accounts/{id}`: the account, without its secret.
    @Sendable private func get(_ request: Request, context: AuthenticatedRequestContext) async throws -> Response {
        try WireJSON.response(ServiceAccountJSON(try await service.account(id: Self.id(context), by: context.requester)))
    }

    /// `DELETE /service_accounts/{id}`: 204 with an empty body.
    @Sendable private func delete(_ request: Request, context: AuthenticatedRequestContext) async throws -> Response {
        try await service.delete(id: Self.id(context), by: context.requester)
        return WireJSON.emptyResponse(status: .noContent)
    }

    /// `POST /service_accounts/{id}/reset_credentials`: 200 with the account and its new secret.
    @Sendable private func resetCredentials(_ request: Request, context: AuthenticatedRequestContext) async throws -> Response {
        try WireJSON.response(ServiceAccountJSON(try await service.resetCredentials(id: Self.id(context), by: context.requester)))
    }
}
