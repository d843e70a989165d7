import ArgumentParser
import Foundation

/// `kafkafleetd serve`: runs the control plane until SIGTERM or SIGINT.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the control plane. With no options: SQLite, a development key and a simulated local cluster in ./.kafkafleet."
    )

    @Option(name: .customLong("config"), help: "YAML file of settings (keys as in `kafkafleetd config-reference`).")
    var configFile: String?
    @Option(name: .customLong("data-dir"), help: .init(ConfigurationKey.dataDir.help, valueName: "dir")) var dataDir: String?
    @Option(name: .customLong("database-url"), help: .init(ConfigurationKey.databaseURL.help, valueName: "url")) var databaseURL: String?
    @Option(name: .customLong("bind"), help: .init(ConfigurationKey.bind.help, valueName: "host:port")) var bind: String?
    @Option(name: .customLong("metrics-bind"), help: .init(ConfigurationKey.metricsBind.help, valueName: "host:port")) var metricsBind: String?
    @Option(name: .customLong("health-bind"), help: .init(ConfigurationKey.healthBind.help, valueName: "host:port")) var healthBind: String?
    @Option(name: .customLong("jwks-url"), help: .init(ConfigurationKey.jwksURL.help, valueName: "url")) var jwksURL: String?
    @Option(name: .customLong("jwks-file"), help: .init(ConfigurationKey.jwksFile.help, valueName: "file")) var jwksFile: String?
    @Option(name: .customLong("token-issuer"), help: .init(ConfigurationKey.tokenIssuer.help, valueName: "url")) var tokenIssuer: String?
    @Option(name: .customLong("quota-list"), help: .init(ConfigurationKey.quotaList.help, valueName: "file")) var quotaList: String?
    @Option(name: .customLong("dataplane-config"), help: .init(ConfigurationKey.dataplaneConfig.help, valueName: "file")) var dataplaneConfig: String?
    @Option(name: .customLong("dynamic-scaling-config"), help: .init(ConfigurationKey.dynamicScalingConfig.help, valueName: "file")) var dynamicScalingConfig: String?
    @Option(name: .customLong("providers-config"), help: .init(ConfigurationKey.providersConfig.help, valueName: "file")) var providersConfig: String?
    @Option(name: .customLong("instance-types-config"), help: .init(ConfigurationKey.instanceTypesConfig.help, valueName: "file")) var instanceTypesConfig: String?
    @Option(name: .customLong("deny-list"), help: .init(ConfigurationKey.denyList.help, valueName: "file")) var denyList: String?
    @Option(name: .customLong("access-list"), help: .init(ConfigurationKey.accessList.help, valueName: "file")) var accessList: String?
    @Option(name: .customLong("admin-authz-config"), help: .init(ConfigurationKey.adminAuthzConfig.help, valueName: "file")) var adminAuthzConfig: String?
    @Option(name: .customLong("simulated-ready-after"), help: .init(ConfigurationKey.simulatedReadyAfter.help, valueName: "seconds")) var simulatedReadyAfter: String?
    @Option(name: .customLong("kafka-domain"), help: .init(ConfigurationKey.kafkaDomain.help, valueName: "domain")) var kafkaDomain: String?
    @Option(name: .customLong("resync-interval"), help: .init(ConfigurationKey.resyncInterval.help, valueName: "seconds")) var resyncInterval: String?
    @Option(name: .customLong("lease-duration"), help: .init(ConfigurationKey.leaseDuration.help, valueName: "seconds")) var leaseDuration: String?
    @Option(name: .customLong("lease-renew-interval"), help: .init(ConfigurationKey.leaseRenewInterval.help, valueName: "seconds")) var leaseRenewInterval: String?
    @Option(name: .customLong("provisioning-timeout"), help: .init(ConfigurationKey.provisioningTimeout.help, valueName: "seconds")) var provisioningTimeout: String?
    @Option(name: .customLong("store-timeout"), help: .init(ConfigurationKey.storeTimeout.help, valueName: "seconds")) var storeTimeout: String?
    @Option(name: .customLong("pass-timeout"), help: .init(ConfigurationKey.passTimeout.help, valueName: "seconds")) var passTimeout: String?
    @Option(name: .customLong("shutdown-timeout"), help: .init(ConfigurationKey.shutdownTimeout.help, valueName: "seconds")) var shutdownTimeout: String?
    @Option(name: .customLong("log-format"), help: .init(ConfigurationKey.logFormat.help, valueName: "text|json")) var logFormat: String?
    @Option(name: .customLong("log-level"), help: .init(ConfigurationKey.logLevel.help, valueName: "level")) var logLevel: String?
    @Option(name: .customLong("public-url"), help: .init(ConfigurationKey.publicURL.help, valueName: "url")) var publicURL: String?
    @Option(name: .customLong("route53-hosted-zone-id"), help: .init(ConfigurationKey.route53HostedZoneID.help, valueName: "id")) var route53HostedZoneID: String?
    @Option(name: .customLong("route53-hosted-zone-name"), help: .init(ConfigurationKey.route53HostedZoneName.help, valueName: "name")) var route53HostedZoneName: String?
    @Option(name: .customLong("route53-endpoint"), help: .init(ConfigurationKey.route53Endpoint.help, valueName: "url")) var route53Endpoint: String?
    @Option(name: .customLong("aws-access-key-id"), help: .init(ConfigurationKey.awsAccessKeyID.help, valueName: "id")) var awsAccessKeyID: String?
    @Option(name: .customLong("aws-secret-access-key"), help: .init(ConfigurationKey.awsSecretAccessKey.help, valueName: "secret")) var awsSecretAccessKey: String?
    @Option(name: .customLong("keycloak-url"), help: .init(ConfigurationKey.keycloakURL.help, valueName: "url")) var keycloakURL: String?
    @Option(name: .customLong("keycloak-realm"), help: .init(ConfigurationKey.keycloakRealm.help, valueName: "realm")) var keycloakRealm: String?
    @Option(name: .customLong("keycloak-client-id"), help: .init(ConfigurationKey.keycloakClientID.help, valueName: "id")) var keycloakClientID: String?
    @Option(name: .customLong("keycloak-client-secret"), help: .init(ConfigurationKey.keycloakClientSecret.help, valueName: "secret")) var keycloakClientSecret: String?
    @Option(name: .customLong("ams-url"), help: .init(ConfigurationKey.amsURL.help, valueName: "url")) var amsURL: String?
    @Option(name: .customLong("ams-token"), help: .init(ConfigurationKey.amsToken.help, valueName: "token")) var amsToken: String?
    @Option(name: .customLong("ocm-url"), help: .init(ConfigurationKey.ocmURL.help, valueName: "url")) var ocmURL: String?
    @Option(name: .customLong("ocm-token"), help: .init(ConfigurationKey.ocmToken.help, valueName: "token")) var ocmToken: String?
    @Option(name: .customLong("metrics-query-url"), help: .init(ConfigurationKey.metricsQueryURL.help, valueName: "url")) var metricsQueryURL: String?
    @Option(name: .customLong("metrics-query-token"), help: .init(ConfigurationKey.metricsQueryToken.help, valueName: "token")) var metricsQueryToken: String?

    /// The flags given on the command line, by key.
    var flags: [ConfigurationKey: String] {
        let pairs: [(ConfigurationKey, String?)] = [
            (.dataDir, dataDir), (.databaseURL, databaseURL), (.bind, bind), (.metricsBind, metricsBind), (.healthBind, healthBind),
            (.jwksURL, jwksURL), (.jwksFile, jwksFile), (.tokenIssuer, tokenIssuer), (.quotaList, quotaList),
            (.dataplaneConfig, dataplaneConfig), (.dynamicScalingConfig, dynamicScalingConfig), (.providersConfig, providersConfig), (.instanceTypesConfig, instanceTypesConfig),
            (.denyList, denyList), (.accessList, accessList), (.adminAuthzConfig, adminAuthzConfig),
            (.simulatedReadyAfter, simulatedReadyAfter), (.kafkaDomain, kafkaDomain), (.resyncInterval, resyncInterval),
            (.leaseDuration, leaseDuration), (.leaseRenewInterval, leaseRenewInterval), (.provisioningTimeout, provisioningTimeout),
            (.storeTimeout, storeTimeout), (.passTimeout, passTimeout), (.shutdownTimeout, shutdownTimeout),
            (.logFormat, logFormat), (.logLevel, logLevel), (.publicURL, publicURL), (.route53HostedZoneID, route53HostedZoneID), (.route53HostedZoneName, route53HostedZoneName), (.route53Endpoint, route53Endpoint), (.awsAccessKeyID, awsAccessKeyID), (.awsSecretAccessKey, awsSecretAccessKey), (.keycloakURL, keycloakURL), (.keycloakRealm, keycloakRealm), (.keycloakClientID, keycloakClientID), (.keycloakClientSecret, keycloakClientSecret), (.amsURL, amsURL), (.amsToken, amsToken), (.ocmURL, ocmURL), (.ocmToken, ocmToken),
            (.metricsQueryURL, metricsQueryURL), (.metricsQueryToken, metricsQueryToken),
        ]
        return Dictionary(uniqueKeysWithValues: pairs.compactMap { key, value in value.map { (key, $0) } })
    }

    /// The typed configuration from the flags, the environment and the `--config` file.
    func resolveConfiguration(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> DaemonConfiguration {
        let file = configFile ?? environment["KAFKAFLEET_CONFIG"]
        return try DaemonConfiguration(ConfigurationValues(flags: flags, environment: environment, configFile: file))
    }

    func run() async throws {
        let configuration: DaemonConfiguration
        do {
            configuration = try resolveConfiguration()
        } catch let error as ConfigurationError {
            FileHandle.standardError.write(Data("kafkafleetd: \(error.description)\n".utf8))
            throw ExitCode(2)
        }
        try await Daemon(configuration: configuration).run()
    }
}
