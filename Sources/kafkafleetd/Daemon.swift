import Foundation
import Hummingbird
import KafkaFleetCore
import KafkaFleetHTTP
import KafkaFleetProviders
import KafkaFleetStore
import KafkaFleetLocal
import Logging
import Metrics
import Prometheus
import ServiceLifecycle

/// The composition root: reads the configured files, builds the store, the providers, the HTTP surfaces and the
/// workers, and runs them as one `ServiceGroup` until SIGTERM or SIGINT.
struct Daemon {
    /// The embedded default's simulated local clusters: a multi-AZ one for standard kafkas and a single-AZ one for
    /// developer (trial) kafkas, which the reference places only on single-AZ clusters.
    static let localClusters = [
        ConfiguredCluster(name: "kafkafleet-local", clusterID: "kafkafleet-local", multiAZ: true, status: .provisioning,
                          providerType: .simulated, clusterDNS: "apps.kafkafleet-local.kafkafleet.local",
                          supportedInstanceType: InstanceTypeID.standard),
        ConfiguredCluster(name: "kafkafleet-local-trial", clusterID: "kafkafleet-local-trial", multiAZ: false, status: .provisioning,
                          providerType: .simulated, clusterDNS: "apps.kafkafleet-local-trial.kafkafleet.local",
                          supportedInstanceType: InstanceTypeID.developer),
    ]

    let configuration: DaemonConfiguration

    func run() async throws {
        bootstrapLogging()
        let logger = Logger(label: "kafkafleetd")
        let registry = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
        try FileManager.default.createDirectory(atPath: configuration.dataDirectory, withIntermediateDirectories: true)

        let catalogues = try Catalogues(configuration)
        let sqlStore: SQLFleetStore
        let changes: any ChangeFeed
        var infrastructure: [any Service] = []
        switch configuration.database {
        case let .sqlite(path):
            sqlStore = try await SQLFleetStore.sqlite(path: path, operationTimeout: configuration.storeTimeout)
            changes = LocalChangeFeed()
        case let .postgres(url):
            sqlStore = try SQLFleetStore.postgres(url: url, operationTimeout: configuration.storeTimeout)
            let feed = try PostgresChangeFeed(url: url, operationTimeout: configuration.storeTimeout)
            changes = feed
            infrastructure.append(feed)
        }
        let store = NotifyingFleetStore(sqlStore, changes: changes)
        let readiness = Readiness()
        let key = try DevelopmentSigningKey.loadOrCreate(in: configuration.dataDirectory)
        let issuer = configuration.tokenIssuer ?? DevelopmentSigningKey.defaultIssuer
        let agentIssuer = configuration.agentTokenIssuer ?? issuer
        let verifier = TokenVerifier(source: try jwksSource(developmentKey: key))
        let authenticator = Authenticator(verifier: verifier, policy: AccessPolicy(
            issuer: issuer, adminIssuer: configuration.adminTokenIssuer, agentIssuer: agentIssuer,
            deniedUsernames: catalogues.deniedUsers, allowedOrganisations: catalogues.allowedOrganisations))

        let environment = FleetEnvironment(
            store: store, instanceTypes: catalogues.instanceTypes, quota: quotaService(catalogues),
            dns: dnsProvider(), identity: identityProvider(),
            settings: ReconcilerSettings(provisioningTimeout: configuration.provisioningTimeout, kafkaDomainName: configuration.kafkaDomain),
            logger: Logger(label: "kafkafleet.workers"), observer: MetricsFleetObserver())
        let serviceAccounts = serviceAccountDirectory(store: sqlStore)
        let configuration = self.configuration
        let runtime = MigratingRuntime(store: sqlStore, services: {
            try await Daemon.serving(environment: environment, catalogues: catalogues, authenticator: authenticator, key: key, agentIssuer: agentIssuer,
                              changes: changes, readiness: readiness, registry: registry, configuration: configuration,
                              serviceAccounts: serviceAccounts, pingDatabase: { try await sqlStore.ping() })
        }, logger: logger)

        var groupConfiguration = ServiceGroupConfiguration(
            services: [.init(service: sqlStore)] + infrastructure.map { .init(service: $0) } + [.init(service: runtime)],
            gracefulShutdownSignals: [.sigterm, .sigint],
            logger: logger
        )
        // A graceful shutdown that takes longer than its bound (a pass or a store call waiting on a database that
        // went away) is escalated to cancellation, which every wait honours at once; should something still not
        // end, the service group ends the process after the cancellation bound.
        groupConfiguration.maximumGracefulShutdownDuration = configuration.shutdownTimeout
        groupConfiguration.maximumCancellationDuration = .seconds(5)
        let group = ServiceGroup(configuration: groupConfiguration)
        logger.info("kafkafleetd starting", metadata: [
            "api": "\(configuration.bind)", "metrics": "\(configuration.metricsBind)", "health": "\(configuration.healthBind)",
            "database": "\(configuration.database.kind)", "data_dir": "\(configuration.dataDirectory)",
        ])
        try await group.run()
    }

    private func bootstrapLogging() {
        let level = configuration.logLevel
        switch configuration.logFormat {
        case .text:
            LoggingSystem.bootstrap { label in
                var handler = StreamLogHandler.standardError(label: label)
                handler.logLevel = level
                return handler
            }
        case .json:
            LoggingSystem.bootstrap { JSONLogHandler(logLevel: level, label: $0) }
        }
    }

    /// Route53 when a hosted zone is configured; otherwise DNS records kept in memory (the embedded default).
    private func dnsProvider() -> any DNSProvider {
        guard let route53 = configuration.route53 else { return LocalDNSProvider() }
        let zone: Route53Configuration.HostedZone = route53.zoneID.map { .id($0) } ?? .name(route53.zoneName ?? "")
        return Route53DNSProvider(configuration: Route53Configuration(
            credentials: AWSCredentials(accessKeyID: route53.accessKeyID, secretAccessKey: route53.secretAccessKey),
            hostedZone: zone, endpoint: route53.endpoint))
    }

    /// Keycloak when configured; otherwise clients kept in memory (the embedded default).
    private func identityProvider() -> any IdentityProvider {
        guard let keycloak = configuration.keycloak else { return LocalIdentityProvider() }
        return KeycloakIdentityProvider(configuration: KeycloakConfiguration(
            baseURL: keycloak.url, realm: keycloak.realm, clientID: keycloak.clientID, clientSecret: keycloak.clientSecret))
    }

    /// Keycloak's clients when Keycloak is configured; otherwise accounts kept in the store, so they survive a restart.
    private func serviceAccountDirectory(store: SQLFleetStore) -> any ServiceAccountDirectory {
        guard let keycloak = configuration.keycloak else { return StoreBackedServiceAccountDirectory(store: store) }
        return KeycloakServiceAccountDirectory(configuration: KeycloakConfiguration(
            baseURL: keycloak.url, realm: keycloak.realm, clientID: keycloak.clientID, clientSecret: keycloak.clientSecret))
    }

    /// AMS when configured; otherwise the quota list, or allow-all.
    private func quotaService(_ catalogues: Catalogues) -> any QuotaService {
        guard let ams = configuration.ams else { return catalogues.quota }
        return AMSQuotaService(configuration: AMSConfiguration(baseURL: ams.url, token: ams.token, instanceTypes: catalogues.instanceTypes))
    }

    private func jwksSource(developmentKey: DevelopmentSigningKey) throws -> any JWKSSource {
        if let file = configuration.jwksFile { return FileJWKSSource(path: file) }
        if let url = configuration.jwksURL { return URLJWKSSource(url: url) }
        return FileJWKSSource(path: developmentKey.jwksPath)
    }
}

extension DatabaseLocation {
    /// `sqlite` or `postgres`, for the log.
    var kind: String {
        switch self {
        case .sqlite: "sqlite"
        case .postgres: "postgres"
        }
    }
}
