/// Every setting of `kafkafleetd serve`: its flag, its environment variable, its YAML key and its default. This
/// table is the one source of the configuration reference (`kafkafleetd serve --help-config`) and is checked
/// against the flags by a test.
enum ConfigurationKey: String, CaseIterable, Sendable {
    case dataDir = "data-dir"
    case databaseURL = "database-url"
    case bind
    case metricsBind = "metrics-bind"
    case healthBind = "health-bind"
    case jwksURL = "jwks-url"
    case jwksFile = "jwks-file"
    case tokenIssuer = "token-issuer"
    case quotaList = "quota-list"
    case dataplaneConfig = "dataplane-config"
    case dynamicScalingConfig = "dynamic-scaling-config"
    case providersConfig = "providers-config"
    case instanceTypesConfig = "instance-types-config"
    case denyList = "deny-list"
    case accessList = "access-list"
    case adminAuthzConfig = "admin-authz-config"
    case simulatedReadyAfter = "simulated-ready-after"
    case kafkaDomain = "kafka-domain"
    case resyncInterval = "resync-interval"
    case leaseDuration = "lease-duration"
    case leaseRenewInterval = "lease-renew-interval"
    case provisioningTimeout = "provisioning-timeout"
    case storeTimeout = "store-timeout"
    case passTimeout = "pass-timeout"
    case shutdownTimeout = "shutdown-timeout"
    case logFormat = "log-format"
    case logLevel = "log-level"
    case publicURL = "public-url"
    case route53HostedZoneID = "route53-hosted-zone-id"
    case route53HostedZoneName = "route53-hosted-zone-name"
    case route53Endpoint = "route53-endpoint"
    case awsAccessKeyID = "aws-access-key-id"
    case awsSecretAccessKey = "aws-secret-access-key"
    case keycloakURL = "keycloak-url"
    case keycloakRealm = "keycloak-realm"
    case keycloakClientID = "keycloak-client-id"
    case keycloakClientSecret = "keycloak-client-secret"
    case amsURL = "ams-url"
    case amsToken = "ams-token"
    case ocmURL = "ocm-url"
    case ocmToken = "ocm-token"
    case metricsQueryURL = "metrics-query-url"
    case metricsQueryToken = "metrics-query-token"

    /// The command-line flag, e.g. `--data-dir`.
    var flag: String { "--\(rawValue)" }

    /// The environment variable, e.g. `KAFKAFLEET_DATA_DIR`.
    var environmentVariable: String { "KAFKAFLEET_" + rawValue.uppercased().replacingOccurrences(of: "-", with: "_") }

    /// The key in the `--config` YAML file, e.g. `data_dir`.
    var yamlKey: String { rawValue.replacingOccurrences(of: "-", with: "_") }

    /// The value used when no source sets one; `nil` means unset.
    var defaultValue: String? {
        switch self {
        case .dataDir: "./.kafkafleet"
        case .bind: "127.0.0.1:8000"
        case .metricsBind: "127.0.0.1:8080"
        case .healthBind: "127.0.0.1:8083"
        case .simulatedReadyAfter: "2"
        case .kafkaDomain: "kafka.kafkafleet.local"
        case .resyncInterval: "30"
        case .leaseDuration: "15"
        case .leaseRenewInterval: "5"
        case .provisioningTimeout: "1800"
        case .storeTimeout: "10"
        case .passTimeout: "60"
        case .shutdownTimeout: "30"
        case .logFormat: "text"
        case .logLevel: "info"
        case .route53Endpoint: "https://route53.amazonaws.com"
        case .keycloakRealm: "rhoas"
        case .amsURL, .ocmURL: "https://api.openshift.com"
        case .publicURL, .route53HostedZoneID, .route53HostedZoneName, .awsAccessKeyID, .awsSecretAccessKey, .keycloakURL,
             .keycloakClientID, .keycloakClientSecret, .amsToken, .ocmToken, .metricsQueryURL, .metricsQueryToken: nil
        case .databaseURL, .jwksURL, .jwksFile, .tokenIssuer, .quotaList, .dataplaneConfig, .dynamicScalingConfig, .providersConfig,
             .instanceTypesConfig, .denyList, .accessList, .adminAuthzConfig: nil
        }
    }

    /// What the setting does.
    var help: String {
        switch self {
        case .dataDir: "Directory for the SQLite database and the development signing key."
        case .databaseURL: "PostgreSQL URL (postgres://user:password@host:port/database). Default: SQLite in the data directory."
        case .bind: "Address of the API server (host:port)."
        case .metricsBind: "Address of the Prometheus metrics server (host:port)."
        case .healthBind: "Address of the health-check server (host:port)."
        case .jwksURL: "HTTPS URL of the JWKS that verifies user and agent tokens. Default: the data directory's development key."
        case .jwksFile: "File holding the JWKS that verifies tokens. Default: the data directory's development key."
        case .tokenIssuer: "Issuer (iss) that tokens must carry. Default: the development issuer when the development key is used."
        case .quotaList: "Quota-management-list YAML (the reference's format). Default: every user may create any instance."
        case .dataplaneConfig: "Data-plane cluster list YAML (the reference's format). Default: one simulated local cluster in aws/us-east-1."
        case .dynamicScalingConfig: "Dynamic scaling YAML (the reference's format): grow and shrink the fleet through OCM (needs --ocm-token; not with --dataplane-config)."
        case .providersConfig: "Cloud providers and regions YAML (the reference's format). Default: aws/us-east-1."
        case .instanceTypesConfig: "Instance types and sizes YAML (the reference's format). Default: the reference's standard and developer types."
        case .denyList: "YAML list of usernames denied access; their kafkas are deprovisioned."
        case .accessList: "YAML list of organisation ids allowed access (maintenance mode). Default: every organisation."
        case .adminAuthzConfig: "Admin API roles per HTTP method YAML (the reference's format). Default: kas-fleet-manager-admin-{full,write,read}."
        case .simulatedReadyAfter: "Seconds the simulated agent waits before reporting a kafka ready."
        case .kafkaDomain: "DNS domain under which kafkas get bootstrap hosts."
        case .resyncInterval: "Seconds between a worker's safety-net passes (changes wake workers at once)."
        case .leaseDuration: "Seconds a worker's leader lease lasts."
        case .leaseRenewInterval: "Seconds between leader lease renewals."
        case .provisioningTimeout: "Seconds a kafka may wait for its agent's Ready report before it fails."
        case .storeTimeout: "Seconds a database operation (waiting for a connection and running its statements) may take before it fails; the API then answers 503."
        case .passTimeout: "Seconds a worker's pass may take before it is abandoned and retried with backoff."
        case .shutdownTimeout: "Seconds a graceful shutdown (SIGTERM, SIGINT) may take before the daemon cancels what is still running and exits."
        case .logFormat: "Log format: text or json."
        case .logLevel: "Log level: trace, debug, info, notice, warning, error or critical."
        case .publicURL: "URL agents and clients reach this daemon at (for agent parameters). Default: http://<bind>."
        case .route53HostedZoneID: "Route53 hosted zone id for kafka DNS records; enables the Route53 DNS provider (default: in-memory DNS)."
        case .route53HostedZoneName: "Route53 hosted zone name, looked up once; enables the Route53 DNS provider."
        case .route53Endpoint: "Route53 API endpoint (an emulator's URL in tests)."
        case .awsAccessKeyID: "AWS access key id for Route53."
        case .awsSecretAccessKey: "AWS secret access key for Route53."
        case .keycloakURL: "Keycloak base URL for canary, agent and service-account clients; enables the Keycloak identity provider (default: in-memory clients, service accounts in the store)."
        case .keycloakRealm: "Keycloak realm of the clients."
        case .keycloakClientID: "Client id the daemon logs in to Keycloak's admin API with (client credentials)."
        case .keycloakClientSecret: "Secret of that client."
        case .amsURL: "OCM accounts management (AMS) base URL."
        case .amsToken: "Bearer token for AMS; enables AMS quota (instead of --quota-list or allow-all)."
        case .ocmURL: "OpenShift Cluster Manager base URL."
        case .ocmToken: "Bearer token for OCM; enables clusters of provider_type ocm."
        case .metricsQueryURL: "Prometheus-compatible query API (Prometheus, or an observatorium tenant's URL) serving kafka metrics. Default: none, metrics lists are empty."
        case .metricsQueryToken: "Bearer token sent to the metrics query API."
        }
    }
}
