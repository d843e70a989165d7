import Hummingbird
import KafkaFleetCore
import KafkaFleetHTTP
import KafkaFleetProviders
import KafkaFleetStore
import Logging
import Prometheus
import ServiceLifecycle

extension Daemon {
    /// The services that run once the store is migrated, in start order (shutdown runs in reverse): the API, metrics
    /// and health servers, the leader elector, one reconciler service per worker, and the embedded default's agent.
    /// `agentIssuer` is the realm agents get their tokens from, told to the agents and used by the local one.
    static func serving(
        environment: FleetEnvironment, catalogues: Catalogues, authenticator: Authenticator, key: DevelopmentSigningKey,
        agentIssuer issuer: String, changes: any ChangeFeed, readiness: Readiness, registry: PrometheusCollectorRegistry,
        configuration: DaemonConfiguration, serviceAccounts: any ServiceAccountDirectory,
        pingDatabase: @escaping @Sendable () async throws -> Void
    ) async throws -> [any Service] {
        let logger = Logger(label: "kafkafleetd")
        let fleetRouter = FleetRouter(authenticator: authenticator, limits: configuration.serverLimits)
        fleetRouter.router.add(middleware: RequestMetricsMiddleware())
        let kafkaService = KafkaService(store: environment.store, quota: environment.quota, instanceTypes: catalogues.instanceTypes,
                                        providers: catalogues.providers, clock: environment.clock)
        let rateLimiter = configuration.orgRateLimit > 0 ? OrganisationRateLimiter(perMinute: configuration.orgRateLimit) : nil
        PublicAPI(service: kafkaService, authenticator: authenticator, document: try OpenAPIDocument.bundled(),
                  metrics: metricsSource(configuration: configuration), rateLimiter: rateLimiter)
            .addRoutes(to: fleetRouter.router)
        try PrivateDocumentsAPI.bundled().addRoutes(to: fleetRouter.router)
        let agentSettings = AgentSettings(ssoRealmURL: issuer)
        AgentAPI(service: AgentService(environment: environment, settings: agentSettings), authenticator: authenticator)
            .addRoutes(to: fleetRouter.router)
        AdminAPI(service: AdminService(environment: environment), authenticator: authenticator, roles: catalogues.adminRoles)
            .addRoutes(to: fleetRouter.router)
        let enterpriseSettings = EnterpriseClusterSettings(ssoAuthServerURL: issuer, controlPlaneURL: "http://\(configuration.bind)")
        EnterpriseClustersAPI(service: EnterpriseClusterService(environment: environment, providers: catalogues.providers,
                                                                settings: enterpriseSettings, changes: changes),
                              authenticator: authenticator)
            .addRoutes(to: fleetRouter.router)
        ServiceAccountsAPI(service: ServiceAccountService(directory: serviceAccounts, clock: environment.clock), authenticator: authenticator)
            .addRoutes(to: fleetRouter.router)

        let api = Application(
            router: fleetRouter,
            server: .fleetHTTP1(limits: configuration.serverLimits),
            configuration: .init(address: .hostname(configuration.bind.host, port: configuration.bind.port), serverName: "kafkafleetd"),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? configuration.bind.port
                logger.info("API listening", metadata: ["port": "\(port)"])
                readiness.apiListening(on: port)
            },
            logger: Logger(label: "kafkafleet.api")
        )
        var services: [any Service] = [api, MetricsServer.application(registry: registry, bind: configuration.metricsBind)]

        let simulatesLocalCluster = catalogues.clusters == nil && catalogues.scaling == nil
        let clusters = catalogues.clusters ?? (simulatesLocalCluster ? localClusters : nil)
        let reconcilers: [any Reconciler] = [
            AcceptedKafkaReconciler(environment: environment),
            PreparingKafkaReconciler(environment: environment),
            ProvisioningKafkaReconciler(environment: environment),
            ReadyKafkaReconciler(environment: environment),
            PromotingKafkaReconciler(environment: environment),
            DeletingKafkaReconciler(environment: environment),
            KafkaHousekeepingReconciler(environment: environment, deniedUsers: catalogues.deniedUsers),
            ClusterReconciler(environment: environment, providers: clusterProviders(configuration: configuration, issuer: issuer),
                              configuration: clusters.map { ClusterConfigurationSync(environment: environment, clusters: $0) }),
        ] + scalingReconcilers(environment: environment, catalogues: catalogues)
        let elector: any LeaderElector
        if case .postgres = configuration.database {
            let leases = LeaseLeaderElector(store: environment.store, workerTypes: reconcilers.map(\.workerType), leaseDuration: configuration.leaseDuration,
                                            renewInterval: configuration.leaseRenewInterval, clock: environment.clock, observer: environment.observer)
            await leases.renewOnce()
            services.append(leases)
            elector = leases
        } else {
            elector = AlwaysLeader()
            for workerType in reconcilers.map(\.workerType) { environment.observer.leadership(of: workerType, isLeader: true) }
        }

        let progress = WorkerProgress()
        let check = ReadinessCheck(started: readiness, pingDatabase: pingDatabase, elector: elector, workerTypes: reconcilers.map(\.workerType),
                                   progress: progress, stallBound: configuration.resyncInterval + configuration.passTimeout,
                                   pingTimeout: min(configuration.storeTimeout, .seconds(2)))
        services.insert(HealthServer.application(readiness: readiness, check: check, bind: configuration.healthBind), at: 2)
        for reconciler in reconcilers {
            services.append(ReconcilerService(reconciler: reconciler, changes: changes, elector: elector, resync: configuration.resyncInterval,
                                              passTimeout: configuration.passTimeout, progress: progress, observer: environment.observer))
        }
        if simulatesLocalCluster {
            for cluster in localClusters {
                services.append(LocalAgentService(readiness: readiness, host: configuration.bind.host, clusterID: cluster.clusterID,
                                                  clusterDNS: cluster.clusterDNS, readyAfter: configuration.simulatedReadyAfter, key: key,
                                                  issuer: issuer, changes: changes))
            }
        }
        return services
    }

    /// The metrics query API when configured; otherwise none, so the metrics endpoints answer with empty lists.
    static func metricsSource(configuration: DaemonConfiguration) -> any KafkaMetricsSource {
        guard let query = configuration.metricsQuery else { return EmptyKafkaMetricsSource() }
        return PrometheusMetricsSource(configuration: PrometheusMetricsConfiguration(baseURL: query.url, token: query.token))
    }

    /// The scale-up and scale-down workers, when dynamic scaling is configured.
    static func scalingReconcilers(environment: FleetEnvironment, catalogues: Catalogues) -> [any Reconciler] {
        guard let scaling = catalogues.scaling else { return [] }
        return [DynamicScaleUpReconciler(environment: environment, providers: catalogues.providers, configuration: scaling),
                DynamicScaleDownReconciler(environment: environment, providers: catalogues.providers, configuration: scaling)]
    }

    /// The providers of each cluster type: standalone and simulated clusters need no calls; OCM when configured.
    static func clusterProviders(configuration: DaemonConfiguration, issuer: String) -> [ClusterProviderType: any ClusterProvider] {
        var providers: [ClusterProviderType: any ClusterProvider] = [.standalone: StandaloneClusterProvider(), .simulated: StandaloneClusterProvider()]
        if let ocm = configuration.ocm {
            providers[.ocm] = OCMClusterProvider(configuration: OCMConfiguration(
                baseURL: ocm.url, token: ocm.token, controlPlaneURL: configuration.publicURL, ssoAuthServerURL: issuer))
        }
        return providers
    }
}
