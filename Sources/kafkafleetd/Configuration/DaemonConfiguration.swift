import Foundation
import Logging

/// A host and port to listen on.
struct BindAddress: Sendable, Hashable, CustomStringConvertible {
    var host: String
    var port: Int

    /// Parses `host:port` (an IPv6 host in brackets).
    init?(_ text: String) {
        guard let colon = text.lastIndex(of: ":"), let port = Int(text[text.index(after: colon)...]), (0...65535).contains(port) else { return nil }
        var host = String(text[..<colon])
        if host.hasPrefix("[") && host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        guard !host.isEmpty else { return nil }
        self.host = host
        self.port = port
    }

    var description: String { host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)" }
}

/// Where the daemon keeps its state.
enum DatabaseLocation: Sendable, Hashable {
    /// A SQLite file.
    case sqlite(path: String)
    /// A PostgreSQL server.
    case postgres(url: String)
}

/// How the daemon logs.
enum LogFormat: String, Sendable, CaseIterable {
    case text, json
}

/// Where Route53 DNS records go.
struct Route53Settings: Sendable, Hashable {
    /// A hosted zone id, or `nil` to look the zone up by `zoneName`.
    var zoneID: String?
    /// A hosted zone name, used when no id is given.
    var zoneName: String?
    var endpoint: String
    var accessKeyID: String
    var secretAccessKey: String
}

/// How to reach Keycloak's admin API.
struct KeycloakSettings: Sendable, Hashable {
    var url: String
    var realm: String
    var clientID: String
    var clientSecret: String
}

/// A base URL and a bearer token of an OpenShift API (AMS or OCM).
struct OpenShiftAPISettings: Sendable, Hashable {
    var url: String
    var token: String
}

/// Where kafka metrics are queried: a Prometheus-compatible API and its optional bearer token.
struct MetricsQuerySettings: Sendable, Hashable {
    var url: String
    var token: String?
}

/// Everything `kafkafleetd serve` is configured with, typed and validated.
struct DaemonConfiguration: Sendable {
    var dataDirectory: String
    var database: DatabaseLocation
    var bind: BindAddress
    var metricsBind: BindAddress
    var healthBind: BindAddress
    var jwksURL: String?
    var jwksFile: String?
    var tokenIssuer: String?
    var quotaListFile: String?
    var dataplaneConfigFile: String?
    var dynamicScalingConfigFile: String?
    var providersConfigFile: String?
    var instanceTypesConfigFile: String?
    var denyListFile: String?
    var accessListFile: String?
    var adminAuthzConfigFile: String?
    var simulatedReadyAfter: Duration
    var kafkaDomain: String
    var resyncInterval: Duration
    var leaseDuration: Duration
    var leaseRenewInterval: Duration
    var provisioningTimeout: Duration
    var storeTimeout: Duration
    var passTimeout: Duration
    var shutdownTimeout: Duration
    var logFormat: LogFormat
    var logLevel: Logger.Level
    var publicURL: String
    var route53: Route53Settings?
    var keycloak: KeycloakSettings?
    var ams: OpenShiftAPISettings?
    var ocm: OpenShiftAPISettings?
    var metricsQuery: MetricsQuerySettings?

    /// Whether tokens are verified with the development key of the data directory.
    var usesDevelopmentKey: Bool { jwksURL == nil && jwksFile == nil }

    /// Validates and types the resolved values.
    init(_ values: ConfigurationValues) throws {
        func required<T>(_ value: T?, _ key: ConfigurationKey) throws -> T {
            guard let value else { throw ConfigurationError(description: "\(key.flag) must be set") }
            return value
        }
        func seconds(_ key: ConfigurationKey) throws -> Duration {
            try required(values.parsed(key, expecting: "a number of seconds") { Double($0).flatMap { $0 >= 0 ? Duration.milliseconds(Int64($0 * 1000)) : nil } }, key)
        }
        func address(_ key: ConfigurationKey) throws -> BindAddress {
            try required(values.parsed(key, expecting: "host:port") { BindAddress($0) }, key)
        }
        dataDirectory = try required(values.string(.dataDir), .dataDir)
        if let url = try values.parsed(.databaseURL, expecting: "a postgres:// or postgresql:// URL", {
            $0.hasPrefix("postgres://") || $0.hasPrefix("postgresql://") ? $0 : nil
        }) {
            database = .postgres(url: url)
        } else {
            database = .sqlite(path: URL(fileURLWithPath: dataDirectory).appendingPathComponent("kafkafleet.sqlite").path)
        }
        bind = try address(.bind)
        metricsBind = try address(.metricsBind)
        healthBind = try address(.healthBind)
        jwksURL = try values.parsed(.jwksURL, expecting: "an http(s) URL") { $0.hasPrefix("https://") || $0.hasPrefix("http://") ? $0 : nil }
        jwksFile = try values.file(.jwksFile)
        if jwksURL != nil && jwksFile != nil {
            throw ConfigurationError(description: "--jwks-url and --jwks-file cannot both be set")
        }
        tokenIssuer = values.string(.tokenIssuer)
        quotaListFile = try values.file(.quotaList)
        dataplaneConfigFile = try values.file(.dataplaneConfig)
        dynamicScalingConfigFile = try values.file(.dynamicScalingConfig)
        providersConfigFile = try values.file(.providersConfig)
        instanceTypesConfigFile = try values.file(.instanceTypesConfig)
        denyListFile = try values.file(.denyList)
        accessListFile = try values.file(.accessList)
        adminAuthzConfigFile = try values.file(.adminAuthzConfig)
        simulatedReadyAfter = try seconds(.simulatedReadyAfter)
        kafkaDomain = try required(values.string(.kafkaDomain), .kafkaDomain)
        resyncInterval = try seconds(.resyncInterval)
        leaseDuration = try seconds(.leaseDuration)
        leaseRenewInterval = try seconds(.leaseRenewInterval)
        provisioningTimeout = try seconds(.provisioningTimeout)
        storeTimeout = try seconds(.storeTimeout)
        passTimeout = try seconds(.passTimeout)
        shutdownTimeout = try seconds(.shutdownTimeout)
        for (value, key) in [(storeTimeout, ConfigurationKey.storeTimeout), (passTimeout, .passTimeout), (shutdownTimeout, .shutdownTimeout)] where value <= .zero {
            throw ConfigurationError(description: "\(key.flag) must be more than 0 seconds")
        }
        if leaseRenewInterval >= leaseDuration {
            throw ConfigurationError(description: "--lease-renew-interval must be shorter than --lease-duration")
        }
        logFormat = try required(values.parsed(.logFormat, expecting: "text or json") { LogFormat(rawValue: $0) }, .logFormat)
        logLevel = try required(values.parsed(.logLevel, expecting: "a log level (trace … critical)") { Logger.Level(rawValue: $0.lowercased()) }, .logLevel)
        let host = bind.host == "0.0.0.0" ? "127.0.0.1" : bind.host
        publicURL = values.string(.publicURL) ?? "http://\(host.contains(":") ? "[\(host)]" : host):\(bind.port)"
        let zoneID = values.string(.route53HostedZoneID), zoneName = values.string(.route53HostedZoneName)
        if zoneID != nil || zoneName != nil {
            route53 = Route53Settings(
                zoneID: zoneID, zoneName: zoneName, endpoint: try required(values.string(.route53Endpoint), .route53Endpoint),
                accessKeyID: try required(values.string(.awsAccessKeyID), .awsAccessKeyID),
                secretAccessKey: try required(values.string(.awsSecretAccessKey), .awsSecretAccessKey))
        }
        if let url = values.string(.keycloakURL) {
            keycloak = KeycloakSettings(
                url: url, realm: try required(values.string(.keycloakRealm), .keycloakRealm),
                clientID: try required(values.string(.keycloakClientID), .keycloakClientID),
                clientSecret: try required(values.string(.keycloakClientSecret), .keycloakClientSecret))
        }
        if let token = values.string(.amsToken) {
            guard quotaListFile == nil else { throw ConfigurationError(description: "--ams-token and --quota-list cannot both be set") }
            ams = OpenShiftAPISettings(url: try required(values.string(.amsURL), .amsURL), token: token)
        }
        if let token = values.string(.ocmToken) {
            ocm = OpenShiftAPISettings(url: try required(values.string(.ocmURL), .ocmURL), token: token)
        }
        if let url = try values.parsed(.metricsQueryURL, expecting: "an http(s) URL", { $0.hasPrefix("https://") || $0.hasPrefix("http://") ? $0 : nil }) {
            metricsQuery = MetricsQuerySettings(url: url, token: values.string(.metricsQueryToken))
        }
        if dynamicScalingConfigFile != nil {
            guard dataplaneConfigFile == nil else {
                throw ConfigurationError(description: "--dynamic-scaling-config and --dataplane-config cannot both be set")
            }
            guard ocm != nil else { throw ConfigurationError(description: "--dynamic-scaling-config needs --ocm-token: new clusters are created through OCM") }
        }
    }
}
