public import Hummingbird
public import KafkaFleetCore

/// The reference's access level "E" for the enterprise cluster routes: after `AuthenticationMiddleware` has
/// verified the token, the caller's organisation must have enterprise quota, else 403 `KAFKAS-MGMT-11`.
public struct EnterpriseAccessMiddleware: RouterMiddleware {
    public typealias Context = FleetRequestContext

    private let service: EnterpriseClusterService

    /// A middleware asking `service` whether the caller's organisation may use the enterprise cluster API.
    public init(service: EnterpriseClusterService) { self.service = service }

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let caller = context.caller else { throw Authenticator.unauthenticated("") }
        try await service.authorizeAccess(Requester(username: caller.username, organisationID: caller.organisationID,
                                                    isOrgAdmin: caller.isOrgAdmin, accountID: caller.accountID))
        return try await next(request, context)
    }
}
