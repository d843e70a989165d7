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
    var logFormat: LogFormat
    var logLevel: Logger.Level

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
        if leaseRenewInterval >= leaseDuration {
            throw ConfigurationError(description: "--lease-renew-interval must be shorter than --lease-duration")
        }
        logFormat = try required(values.parsed(.logFormat, expecting: "text or json") { LogFormat(rawValue: $0) }, .logFormat)
        logLevel = try required(values.parsed(.logLevel, expecting: "a log level (trace … critical)") { Logger.Level(rawValue: $0.lowercased()) }, .logLevel)
    }
}
