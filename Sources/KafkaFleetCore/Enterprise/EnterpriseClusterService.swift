/// The use cases behind the enterprise cluster API (`/clusters`): an organisation registers its own data-plane
/// cluster, lists and reads its clusters, reads the parameters of the cluster's agent add-on, and deregisters a
/// cluster that hosts no kafka. Checks run in the reference's order, with its error codes.
///
/// The reference looks the cluster up in OCM at registration; KafkaFleet has no OCM in its embedded setup, so the
/// cluster is recorded as a `standalone` cluster in `accepted`, in the given (or default) provider and region,
/// multi-AZ. The cluster reconciler then takes it through provisioning to waiting for the agent and creates the
/// agent's client. Until that step has run, the client's secret (`sso-secret`) is empty in the registration
/// answer; `addonParameters` shows it once it exists.
public struct EnterpriseClusterService: Sendable {
    private let environment: FleetEnvironment
    private let providers: ProviderCatalog
    private let settings: EnterpriseClusterSettings
    private let changes: (any ChangeFeed)?

    /// How often a compare-and-set write is retried when another writer moved first.
    private static let writeAttempts = 3

    /// A service over `environment` (store, clock, instance types, quota), registering clusters in `providers`.
    public init(environment: FleetEnvironment, providers: ProviderCatalog = .default, settings: EnterpriseClusterSettings,
                changes: (any ChangeFeed)? = nil) {
        self.environment = environment
        self.providers = providers
        self.settings = settings
        self.changes = changes
    }

    /// The instance types a cluster offers its kafkas (the standard type's sizes are shown on every cluster).
    public var instanceTypes: InstanceTypeCatalog { environment.instanceTypes }

    // MARK: access

    /// The reference's access level "E": the requester's organisation must have quota for standard instances
    /// under the `enterprise` billing model, else 403 `KAFKAS-MGMT-11`. A quota service failure propagates (500).
    public func authorizeAccess(_ requester: Requester) async throws {
        let organisation = requester.organisationID
        let denied = FleetError(.unauthorized, "organization '\(organisation)' is not authorized to access the service")
        guard let standard = environment.instanceTypes.instanceType(InstanceTypeID.standard) else { throw denied }
        let allowed = try await environment.quota.hasQuota(organisationID: organisation, owner: requester.username,
                                                           instanceType: standard, billingModel: BillingModelID.enterprise)
        guard allowed else { throw denied }
    }

    // MARK: register

    /// Registers a cluster of the requester's organisation after the reference's checks, in its order: the id's
    /// length (33/34) and characters (45), its uniqueness (409 44), the DNS name (47), the node count (37), then
    /// that the requester is an org admin (403 11). Returns the new cluster in `accepted`.
    public func register(_ registration: EnterpriseClusterRegistration, by requester: Requester) async throws -> EnterpriseClusterDetails {
        let clusterID = try registration.validateClusterID()
        if try await environment.store.cluster(clusterID: clusterID) != nil { throw Self.alreadyRegistered(clusterID) }
        let (dnsName, nodeCount) = try registration.validateRest()
        guard !requester.organisationID.isEmpty else { throw FleetError(.general, "organisation id is missing from the token") }
        try Self.requireOrgAdmin(requester)
        let (provider, region) = try location(of: registration)

        let now = environment.clock.now()
        var cluster = DataPlaneCluster(
            id: ResourceID.make(now: now), clusterID: clusterID, name: clusterID, status: .accepted, providerType: .standalone,
            clusterType: .enterprise, cloudProvider: provider, region: region, multiAZ: true, clusterDNS: dnsName,
            supportedInstanceTypes: [InstanceTypeID.standard], now: now)
        cluster.organizationID = requester.organisationID
        cluster.accessKafkasViaPrivateNetwork = registration.accessKafkasViaPrivateNetwork ?? false
        cluster.capacity = [InstanceTypeID.standard: ClusterCapacity(maxNodes: nodeCount)]
        let stored: DataPlaneCluster
        do {
            stored = try await environment.store.createCluster(cluster)
        } catch let error as StoreError where error.code == .duplicateCluster {
            throw Self.alreadyRegistered(clusterID)
        }
        await changes?.publish(.cluster(stored.status))
        return try details(of: stored, consumed: 0)
    }

    private static func alreadyRegistered(_ clusterID: String) -> FleetError {
        FleetError(.duplicateClusterID, "cluster id '\(clusterID)' is already registered")
    }

    /// The provider and region asked for, else the catalogue's defaults; unknown ones are refused (400 30 / 31).
    private func location(of registration: EnterpriseClusterRegistration) throws(FleetError) -> (String, String) {
        let providerName = registration.cloudProvider ?? ""
        let provider = providerName.isEmpty ? providers.defaultProvider : providers.provider(providerName)
        guard let provider else { throw FleetError(.providerNotSupported, "cloud provider '\(providerName)' is unsupported") }
        let regionName = registration.region ?? ""
        let region = regionName.isEmpty ? provider.defaultRegion : provider.region(regionName)
        guard let region else { throw FleetError(.regionNotSupported, "cloud region '\(regionName)' is unsupported") }
        return (provider.name, region.name)
    }

    // MARK: read

    /// Every enterprise cluster of the requester's organisation, oldest first.
    public func list(by requester: Requester) async throws -> [EnterpriseClusterDetails] {
        guard !requester.username.isEmpty else { throw FleetError(.unauthenticated, "user not authenticated") }
        var items: [EnterpriseClusterDetails] = []
        for cluster in try await environment.store.clusters(inStatuses: nil) where isOwned(cluster, by: requester) {
            items.append(try await details(of: cluster))
        }
        return items
    }

    /// The enterprise cluster `clusterID` of the requester's organisation: 400 45 for a malformed id, 403 4 without
    /// an organisation, and 404 7 when it is missing, another organisation's or not an enterprise cluster.
    public func get(clusterID: String, by requester: Requester) async throws -> EnterpriseClusterDetails {
        try Self.validateLookup(clusterID, by: requester)
        return try await details(of: ownedCluster(clusterID, by: requester))
    }

    /// The agent add-on parameters of a cluster, for an org admin (403 11), after the checks of `get`.
    public func addonParameters(clusterID: String, by requester: Requester) async throws -> [FleetshardParameter] {
        try Self.validateLookup(clusterID, by: requester)
        try Self.requireOrgAdmin(requester)
        return fleetshardParameters(for: try await ownedCluster(clusterID, by: requester))
    }

    /// The parameters of the agent add-on of `cluster`, in the reference's order.
    public func fleetshardParameters(for cluster: DataPlaneCluster) -> [FleetshardParameter] {
        [
            FleetshardParameter(id: "sso-auth-server-url", value: settings.ssoAuthServerURL),
            FleetshardParameter(id: "sso-client-id", value: cluster.clientID),
            FleetshardParameter(id: "sso-secret", value: cluster.clientSecret),
            FleetshardParameter(id: "control-plane-url", value: settings.controlPlaneURL),
            FleetshardParameter(id: "cluster-id", value: cluster.clusterID),
            FleetshardParameter(id: "poll-interval", value: settings.pollInterval),
            FleetshardParameter(id: "resync-interval", value: settings.resyncInterval),
        ]
    }

    private func isOwned(_ cluster: DataPlaneCluster, by requester: Requester) -> Bool {
        cluster.clusterType == .enterprise && cluster.organizationID == requester.organisationID
    }

    private func ownedCluster(_ clusterID: String, by requester: Requester) async throws -> DataPlaneCluster {
        guard let cluster = try await environment.store.cluster(clusterID: clusterID), isOwned(cluster, by: requester) else {
            throw FleetError(.notFound, "enterprise data plane cluster with id='\(clusterID)' not found within organization: "
                             + requester.organisationID)
        }
        return cluster
    }

    private func details(of cluster: DataPlaneCluster) async throws -> EnterpriseClusterDetails {
        let consumed = try await environment.store.sumKafkas(
            KafkaFilter(clusterID: cluster.clusterID, instanceType: InstanceTypeID.standard, excludingStatuses: [.deleting]),
            measure: .capacityUnits)
        return try details(of: cluster, consumed: consumed)
    }

    /// A cluster without standard capacity cannot be presented: the reference answers 500.
    private func details(of cluster: DataPlaneCluster, consumed: Int) throws(FleetError) -> EnterpriseClusterDetails {
        guard let standard = cluster.capacity[InstanceTypeID.standard] else {
            throw FleetError(.general, "cluster \(cluster.clusterID) has no standard capacity")
        }
        return EnterpriseClusterDetails(cluster: cluster, standardCapacity: standard, consumedStreamingUnits: consumed)
    }

    // MARK: deregister

    /// Starts removing a cluster: moves it to `deprovisioning`, after the reference's checks in its order: `async`
    /// (400 103), an organisation (403 4), an org admin (403 11), the cluster exists (404 7), belongs to the
    /// organisation and is enterprise (403 4), and hosts no kafka that is not already being deleted (403 4).
    /// Asking again while it is being removed changes nothing.
    public func deregister(clusterID: String, by requester: Requester, async: Bool) async throws {
        guard async else { throw FleetError(.syncActionNotSupported) }
        try Self.requireOrganisation(requester)
        try Self.requireOrgAdmin(requester)
        let done: Void? = try await ConflictRetry.run(attempts: Self.writeAttempts) { () async throws -> ConflictRetry.Step<Void> in
            guard let current = try await environment.store.cluster(clusterID: clusterID) else {
                throw FleetError(.notFound, "enterprise data plane cluster with id='\(clusterID)' not found")
            }
            guard isOwned(current, by: requester) else {
                throw FleetError(.forbidden, "user not authorized to deregister cluster with id='\(clusterID)'")
            }
            let hosted = try await environment.store.sumKafkas(
                KafkaFilter(clusterID: clusterID, excludingStatuses: [.deleting]), measure: .instances)
            guard hosted == 0 else { throw FleetError(.forbidden, "unable to deregister cluster with kafka instances") }
            guard case let .move(removed) = ClusterLifecycle.transition(current, on: .removalRequested).outcome else {
                return .finished(())
            }
            return try await environment.write(removed, over: current).step().withoutValue
        }
        guard done != nil else { throw FleetError(.general) }
        await changes?.publish(.cluster(.deprovisioning))
    }

    // MARK: requester checks

    private static func validateLookup(_ clusterID: String, by requester: Requester) throws(FleetError) {
        try ClusterIDRule.validateAlphanumeric(clusterID)
        try requireOrganisation(requester)
    }

    private static func requireOrganisation(_ requester: Requester) throws(FleetError) {
        guard !requester.organisationID.isEmpty else { throw FleetError(.forbidden, "organisation id is missing from the token") }
    }

    private static func requireOrgAdmin(_ requester: Requester) throws(FleetError) {
        guard requester.isOrgAdmin else { throw FleetError(.unauthorized, "only an organisation administrator may do this") }
    }
}
