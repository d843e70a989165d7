public import Hummingbird
public import KafkaFleetCore

/// The public REST API under `/api/kafkas_mgmt`, wire-compatible with the reference: kafkas, cloud providers and
/// regions, instance types, kafka metrics, the error catalogue, SSO providers, version metadata, the OpenAPI
/// document and its HTML page. Add it to a `FleetRouter`'s router; the agent and admin surfaces live beside it.
public struct PublicAPI: Sendable {
    let service: KafkaService
    let authenticator: Authenticator
    let document: OpenAPIDocument
    let configuration: PublicAPIConfiguration
    let metrics: any KafkaMetricsSource
    let rateLimiter: OrganisationRateLimiter?

    /// The API over a kafka service, with the authenticator for its protected routes and its own spec; kafka
    /// metrics come from `metrics` (none by default, so the metrics routes answer with empty lists). With a
    /// `rateLimiter`, each organisation's kafka creates and deletes are counted against it.
    public init(service: KafkaService, authenticator: Authenticator, document: OpenAPIDocument,
                configuration: PublicAPIConfiguration = PublicAPIConfiguration(),
                metrics: any KafkaMetricsSource = EmptyKafkaMetricsSource(), rateLimiter: OrganisationRateLimiter? = nil) {
        self.service = service
        self.authenticator = authenticator
        self.document = document
        self.configuration = configuration
        self.metrics = metrics
        self.rateLimiter = rateLimiter
    }

    /// Adds every public route to `router`: public ones without a token, cloud providers with any valid token,
    /// everything else behind the tenant rules.
    public func addRoutes(to router: Router<FleetRequestContext>) {
        let metadata = MetadataHandlers(document: document, configuration: configuration)
        router.get(RouterPath(APIPaths.root), use: metadata.apiRoot)
        router.get(RouterPath(APIPaths.v1), use: metadata.versionMetadata)
        router.get(RouterPath(APIPaths.openapi), use: metadata.openAPI)
        router.get(RouterPath(APIPaths.docs), use: metadata.docs)
        router.get(RouterPath(APIPaths.errors), use: metadata.errors)
        router.get(RouterPath("\(APIPaths.errors)/{id}"), use: metadata.error)
        router.get(RouterPath("\(APIPaths.v1)/sso_providers"), use: metadata.ssoProviders)

        let catalogue = CatalogueHandlers(service: service)
        let anyToken = router.group(RouterPath(APIPaths.v1))
            .add(middleware: AuthenticationMiddleware(authenticator, level: .token))
            .group(context: AuthenticatedRequestContext.self)
        anyToken.get("cloud_providers", use: catalogue.cloudProviders)
        anyToken.get("cloud_providers/{id}/regions", use: catalogue.regions)

        let kafkas = KafkaHandlers(service: service, browserURL: configuration.browserURL)
        let tenant = router.group(RouterPath(APIPaths.v1))
            .add(middleware: AuthenticationMiddleware(authenticator, level: .tenant))
            .group(context: AuthenticatedRequestContext.self)
        tenant.get("instance_types/{cloud_provider}/{cloud_region}", use: catalogue.instanceTypes)
        tenant.get("kafkas", use: kafkas.list)
        tenant.get("kafkas/{id}", use: kafkas.get)
        tenant.patch("kafkas/{id}", use: kafkas.update)
        let counted = rateLimiter.map { tenant.group().add(middleware: OrganisationRateLimitMiddleware(limiter: $0)) } ?? tenant.group()
        counted.post("kafkas", use: kafkas.create)
        counted.delete("kafkas/{id}", use: kafkas.delete)
        tenant.post("kafkas/{id}/promote", use: kafkas.promote)

        let metricsHandlers = MetricsHandlers(service: KafkaMetricsService(kafkas: service, source: metrics))
        tenant.get("kafkas/{id}/metrics/query", use: metricsHandlers.instant)
        tenant.get("kafkas/{id}/metrics/query_range", use: metricsHandlers.range)
        tenant.get("kafkas/{id}/metrics/federate", use: metricsHandlers.federate)
    }
}

extension AuthenticatedRequestContext {
    /// The caller as the kafka service sees it.
    var requester: Requester {
        Requester(username: caller.username, organisationID: caller.organisationID, isOrgAdmin: caller.isOrgAdmin,
                  accountID: caller.accountID)
    }
}
