public import Hummingbird
import KafkaFleetCore

/// Lets a request through to the admin API only when the caller's realm roles allow its method; anyone else is
/// told the resource does not exist (404 `KAFKAS-MGMT-7`), as the reference does.
public struct AdminAuthorizationMiddleware: RouterMiddleware {
    public typealias Context = FleetRequestContext

    private let roles: AdminRoles

    /// A middleware checking `roles`.
    public init(roles: AdminRoles) { self.roles = roles }

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let caller = context.caller, roles.allows(request.method, roles: caller.roles) else {
            throw FleetError(.notFound, "Resource not found")
        }
        context.logger.notice("admin request", metadata: [
            "type": "audit", "operation_id": "\(context.operationID)", "username": "\(caller.username)",
            "request_method": "\(request.method)", "request_url": "\(request.uri)",
        ])
        return try await next(request, context)
    }
}
