/// The fleet autoscaling rules, as pure functions of the capacity table and the catalogues (the reference's scaling
/// type `auto`). It reads and writes nothing; the scale-up and scale-down reconcilers act on what it decides.
public struct ScalingEvaluation: Sendable {
    /// The providers, regions, instance types, region limits and slack.
    public var providers: ProviderCatalog
    /// The instance types and their sizes.
    public var instanceTypes: InstanceTypeCatalog

    /// An evaluation over these catalogues.
    public init(providers: ProviderCatalog, instanceTypes: InstanceTypeCatalog) {
        self.providers = providers
        self.instanceTypes = instanceTypes
    }

    /// Every configured locator: providers and regions in catalogue order, instance types by name.
    public var locators: [ScalingLocator] {
        providers.supportedProviders.flatMap { provider in
            provider.regions.flatMap { region in
                region.supportedInstanceType.keys.sorted().map {
                    ScalingLocator(cloudProvider: provider.name, region: region.name, instanceType: $0)
                }
            }
        }
    }

    /// Decides whether `locator` needs a new cluster, counting the managed clusters of `summary`. Clusters being
    /// built mean a scale-up is under way; leaving clusters do not count. The rules, in order: the region's limit
    /// used up → no; a scale-up under way → no; the type's largest size fits on no cluster → yes; fewer free units
    /// than the slack → yes; else no.
    public func scaleUpDecision(for locator: ScalingLocator, in summary: FleetCapacitySummary) -> ScaleUpDecision {
        guard let limits = providers.provider(locator.cloudProvider)?.region(locator.region)?.supportedInstanceType[locator.instanceType],
              let largestSize = instanceTypes.instanceType(locator.instanceType)?.sizes.map(\.capacityConsumed).max()
        else { return .notOffered }
        var consumed = 0
        var maximum = 0
        var ongoing = false
        var largestSizeFits = false
        for row in summary.usage where row.clusterType == .managed && row.isIn(locator) && !row.isLeaving {
            if row.isBeingBuilt {
                ongoing = true
                continue
            }
            consumed += row.usedUnits
            maximum += row.maxUnits
            if row.maxUnits - row.usedUnits >= largestSize { largestSizeFits = true }
        }
        if let limit = limits.limit, consumed >= limit { return .regionLimitReached }
        if ongoing { return .scaleUpOngoing }
        if !largestSizeFits { return .largestSizeFitsNowhere }
        if maximum - consumed < limits.minAvailableCapacitySlackStreamingUnits ?? 0 { return .slackBelowMinimum }
        return .enoughCapacity
    }

    /// The ready managed clusters that host no kafka and that the fleet can do without, in the order of `clusters`.
    /// A cluster whose region is no longer configured may go. Any other may go when, without it and without the
    /// clusters still being built, none of its instance types would need a scale-up. Each removal is taken into
    /// account for the clusters after it, so two empty clusters of which one is needed never both go.
    public func scaleDownChoices(among clusters: [DataPlaneCluster], in summary: FleetCapacitySummary) -> [ScaleDownChoice] {
        var remaining = summary
        var choices: [ScaleDownChoice] = []
        for cluster in clusters
        where cluster.status == .ready && cluster.clusterType == .managed && remaining.usedUnits(ofCluster: cluster.clusterID) == 0 {
            let without = remaining.removingCluster(cluster.clusterID)
            let reason: ScaleDownChoice.Reason
            if providers.provider(cluster.cloudProvider)?.region(cluster.region) == nil {
                reason = .regionNotConfigured
            } else {
                let settled = without.removingClustersBeingBuilt()
                let needed = cluster.supportedInstanceTypes.contains { instanceType in
                    let locator = ScalingLocator(cloudProvider: cluster.cloudProvider, region: cluster.region, instanceType: instanceType)
                    return scaleUpDecision(for: locator, in: settled).needsScaleUp
                }
                guard !needed else { continue }
                reason = .capacityRemains
            }
            choices.append(ScaleDownChoice(cluster: cluster, reason: reason))
            remaining = without
        }
        return choices
    }
}
