public import Hummingbird

/// Only the API's documentation: the OpenAPI document as JSON and its HTML page, with no store and no token, for
/// `kafkafleetd docs` (the reference's `make run/docs`).
public struct DocsAPI: Sendable {
    private let handlers: MetadataHandlers

    /// The documentation of `document`.
    public init(document: OpenAPIDocument) {
        handlers = MetadataHandlers(document: document, configuration: PublicAPIConfiguration())
    }

    /// Adds `GET …/openapi` and `GET …/docs` (and `/` redirecting to the page) to `router`.
    public func addRoutes(to router: Router<FleetRequestContext>) {
        router.get(RouterPath(APIPaths.openapi), use: handlers.openAPI)
        router.get(RouterPath(APIPaths.docs), use: handlers.docs)
        router.get("/") { _, _ in Response(status: .seeOther, headers: [.location: APIPaths.docs]) }
    }
}
