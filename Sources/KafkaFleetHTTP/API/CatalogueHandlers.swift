import Hummingbird
import KafkaFleetCore

/// The handlers of the catalogue routes: cloud providers, their regions with capacity, and instance types.
struct CatalogueHandlers: Sendable {
    let service: KafkaService

    /// `GET /cloud_providers`: every configured provider, on one page (paging is ignored, as the reference).
    @Sendable func cloudProviders(_ request: Request, context: AuthenticatedRequestContext) async throws -> Response {
        let items = service.providers.supportedProviders.map {
            CloudProviderJSON(id: $0.name, displayName: $0.displayName, name: $0.name.isEmpty ? nil : $0.name, enabled: true)
        }
        return try WireJSON.response(ListEnvelope(kind: "CloudProviderList", all: items))
    }

    /// `GET /cloud_providers/{id}/regions`: the provider's regions and the sizes each can still take; an
    /// unknown provider has no regions (200, not 400).
    @Sendable func regions(_ request: Request, context: AuthenticatedRequestContext) async throws -> Response {
        let providerID = try context.parameters.require("id")
        var items: [CloudRegionJSON] = []
        for region in service.providers.provider(providerID)?.regions ?? [] {
            var capacity: [RegionCapacityJSON] = []
            for type in service.instanceTypes.supportedInstanceTypes where region.supportedInstanceType[type.id] != nil {
                let sizes = try await service.availableSizes(provider: providerID, region: region.name, instanceType: type)
                capacity.append(RegionCapacityJSON(instanceType: type.id, availableSizes: sizes))
            }
            items.append(CloudRegionJSON(id: region.name, displayName: nil, enabled: !region.supportedInstanceType.isEmpty,
                                         capacity: capacity))
        }
        return try WireJSON.response(ListEnvelope(kind: "CloudRegionList", all: items))
    }

    /// `GET /instance_types/{cloud_provider}/{cloud_region}`: the types the region supports, sorted by id.
    @Sendable func instanceTypes(_ request: Request, context: AuthenticatedRequestContext) async throws -> Response {
        let providerID = try context.parameters.require("cloud_provider")
        let regionID = try context.parameters.require("cloud_region")
        guard let provider = service.providers.provider(providerID) else {
            throw FleetError(.providerNotSupported, "cloud provider '\(providerID)' is unsupported")
        }
        guard let region = provider.region(regionID) else {
            throw FleetError(.regionNotSupported, "cloud region '\(regionID)' is unsupported")
        }
        let types = service.instanceTypes.supportedInstanceTypes
            .filter { region.supportedInstanceType[$0.id] != nil }
            .sorted { $0.id < $1.id }
            .map(InstanceTypeJSON.init)
        return try WireJSON.response(InstanceTypeListJSON(instanceTypes: types.isEmpty ? nil : types))
    }
}
