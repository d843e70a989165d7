public import Hummingbird

/// Authenticates every request of the routes added after it and stores the caller in the context.
///
/// `.token` accepts any valid token (the reference's level A: cloud providers); `.tenant` also applies the
/// tenant rules (level B: kafkas, instance types, service accounts); `.publicIssuer` only the public issuer (the
/// enterprise cluster routes); `.admin` and `.agent` the issuer of their surface. Handlers then run in
/// `AuthenticatedRequestContext`, whose initialiser throws without a caller, so no handler of an authenticated
/// group can run unauthenticated.
public struct AuthenticationMiddleware: RouterMiddleware {
    public typealias Context = FleetRequestContext

    /// How much a route requires.
    public enum Level: Sendable {
        /// Any valid token.
        case token
        /// A valid token of the configured issuer, with an organisation and a username, not denied, and (in
        /// maintenance) allowed.
        case tenant
        /// A valid token of the configured issuer, with an organisation.
        case publicIssuer
        /// A valid token of the admin issuer (roles are checked by `AdminAuthorizationMiddleware`).
        case admin
        /// A valid token of the agent issuer (its cluster binding is checked by the agent service).
        case agent
    }

    private let authenticator: Authenticator
    private let level: Level

    /// A middleware checking `level` with `authenticator`.
    public init(_ authenticator: Authenticator, level: Level) {
        self.authenticator = authenticator
        self.level = level
    }

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let caller = try await authenticator.authenticate(request)
        switch level {
        case .token: break
        case .tenant: try authenticator.authorizeTenant(caller)
        case .publicIssuer: try authenticator.authorizePublicIssuer(caller)
        case .admin: try authenticator.authorizeAdmin(caller)
        case .agent: try authenticator.authorizeAgent(caller)
        }
        var context = context
        // The caller is named by the log lines that need it (the admin audit line), not set on the logger,
        // whose text handler would render all of its metadata again on every request.
        context.caller = caller
        return try await next(request, context)
    }
}
