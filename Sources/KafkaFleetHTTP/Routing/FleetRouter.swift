public import Hummingbird

/// The router of a KafkaFleet server: `RequestLimitsMiddleware` first (an oversized request costs nothing more), then
/// the reference's outer layers in its order: CORS (a preflight needs no token), then `OperationMiddleware`, so every surface added to it (public, agent, admin) shares
/// operation ids, error rendering and 404/405, then gzip of matched routes' responses.
///
/// ```swift
/// let fleetRouter = FleetRouter(authenticator: authenticator)
/// PublicAPI(service: service, authenticator: authenticator).addRoutes(to: fleetRouter.router)
/// let app = Application(router: fleetRouter, configuration: .init(address: .hostname("127.0.0.1", port: 8000)))
/// ```
public final class FleetRouter: HTTPResponderBuilder {
    /// The router to add routes to.
    public let router: Router<FleetRequestContext>
    private let table = RouteTable()

    /// A router whose unmatched requests are authenticated with `authenticator` unless their path is public, and
    /// whose requests are held to `limits` (the server's own limits, `FleetHTTP1Channel`, take the same value).
    public init(authenticator: Authenticator, publicTemplates: [String] = APIPaths.publicTemplates,
                limits: HTTPServerLimits = HTTPServerLimits()) {
        router = Router(context: FleetRequestContext.self)
        router.add(middleware: RequestLimitsMiddleware(limits: limits))
        router.add(middleware: CORSMiddleware(
            allowOrigin: .all, allowHeaders: [.authorization, .contentType], allowMethods: [.delete, .get, .patch, .post],
            maxAge: .seconds(600)))
        router.add(middleware: OperationMiddleware(routes: table, authenticator: authenticator, publicTemplates: publicTemplates))
        router.add(middleware: ResponseCompressionMiddleware())
    }

    /// Every route added so far, as method and template.
    public var routes: [RouteTable.Entry] {
        router.routes.map { RouteTable.Entry(method: $0.method, template: RouteTemplate($0.path.description)) }
    }

    /// Builds the responder; routes added later are not served.
    public func buildResponder() -> RouterResponder<FleetRequestContext> {
        table.set(routes)
        return router.buildResponder()
    }
}
