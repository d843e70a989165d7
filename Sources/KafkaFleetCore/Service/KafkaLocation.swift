/// The provider and region a new kafka goes to, with the reference's defaults and refusals (30, 31, 41).
public struct KafkaLocation: Sendable, Hashable {
    /// The cloud provider id.
    public var provider: String
    /// The region name.
    public var region: String

    /// The location for a request: the given provider or the default one, the given region (which must belong
    /// to that provider) or its default, and the region must support the instance type.
    public static func resolve(provider requestedProvider: String?, region requestedRegion: String?,
                               instanceType: String, in catalog: ProviderCatalog) throws(FleetError) -> KafkaLocation {
        let providerName = requestedProvider.flatMap { $0.isEmpty ? nil : $0 } ?? catalog.defaultProvider?.name ?? ""
        guard let provider = catalog.provider(providerName) else {
            let supported = catalog.supportedProviders.map(\.name).joined(separator: " ")
            throw FleetError(.providerNotSupported, "provider \(providerName) is not supported, supported providers are: [\(supported)]")
        }
        let region: RegionConfig
        if let requested = requestedRegion, !requested.isEmpty {
            guard let found = provider.region(requested) else {
                let supported = provider.regions.map(\.name).joined(separator: " ")
                throw FleetError(.regionNotSupported,
                                 "region \(requested) is not supported for \(provider.name), supported regions are: [\(supported)]")
            }
            region = found
        } else if let fallback = provider.defaultRegion {
            region = fallback
        } else {
            throw FleetError(.regionNotSupported, "region  is not supported for \(provider.name), supported regions are: []")
        }
        guard region.supportedInstanceType[instanceType] != nil else {
            throw FleetError(.instanceTypeNotSupported, "instance type \"\(instanceType)\" not supported for region \"\(region.name)\"")
        }
        return KafkaLocation(provider: provider.name, region: region.name)
    }
}
