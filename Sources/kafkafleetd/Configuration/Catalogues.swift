import KafkaFleetCore
import KafkaFleetHTTP

/// The data the configured files describe, read once at start: instance types, providers and regions, quota,
/// access and deny lists, admin roles and data-plane clusters.
struct Catalogues: Sendable {
    var instanceTypes: InstanceTypeCatalog
    var providers: ProviderCatalog
    var quota: any QuotaService
    var deniedUsers: Set<String>
    var allowedOrganisations: Set<String>?
    var adminRoles: AdminRoles
    /// The configured clusters; `nil` means the embedded default's simulated local cluster.
    var clusters: [ConfiguredCluster]?
    /// Dynamic scaling, when configured (then no cluster list is).
    var scaling: DynamicScalingConfiguration?

    init(_ configuration: DaemonConfiguration) throws {
        instanceTypes = try configuration.instanceTypesConfigFile.map {
            try ConfigurationFiles.decode(InstanceTypeCatalog.self, from: $0, setting: .instanceTypesConfig)
        } ?? .default
        providers = try configuration.providersConfigFile.map {
            try ConfigurationFiles.decode(ProviderCatalog.self, from: $0, setting: .providersConfig)
        } ?? .default
        if let file = configuration.quotaListFile {
            quota = QuotaListService(list: try ConfigurationFiles.decode(QuotaList.self, from: file, setting: .quotaList))
        } else {
            quota = AllowAllQuotaService()
        }
        deniedUsers = Set(try configuration.denyListFile.map { try ConfigurationFiles.strings(from: $0, setting: .denyList) } ?? [])
        allowedOrganisations = try configuration.accessListFile.map { Set(try ConfigurationFiles.strings(from: $0, setting: .accessList)) }
        if let file = configuration.adminAuthzConfigFile {
            let entries = try ConfigurationFiles.decode([AdminAuthzEntry].self, from: file, setting: .adminAuthzConfig)
            adminRoles = AdminRoles(Dictionary(entries.map { ($0.method, $0.roles) }) { $1 })
        } else {
            adminRoles = .default
        }
        clusters = try configuration.dataplaneConfigFile.map {
            try ConfigurationFiles.decode(ClusterConfigurationFile.self, from: $0, setting: .dataplaneConfig).clusters
        }
        if let file = configuration.dynamicScalingConfigFile {
            let scaling = try ConfigurationFiles.decode(DynamicScalingConfiguration.self, from: file, setting: .dynamicScalingConfig)
            do {
                try scaling.validate()
            } catch {
                throw ConfigurationError(description: "\(file) (--dynamic-scaling-config): \(error)")
            }
            self.scaling = scaling
        }
    }
}
