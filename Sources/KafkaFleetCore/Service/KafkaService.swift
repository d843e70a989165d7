import Foundation

/// The use cases behind the public kafka API: create, read, list, change and delete an organisation's
/// kafkas, with the reference's checks, in its order, and its error codes.
///
/// Admission (region capacity, cluster capacity, the developer limit, quota) is decided by the store in
/// the same step as the insert, through `AdmissionLimit`s, so two concurrent creates can never both take
/// the last unit. Updates are compare-and-set writes, retried when another writer moved first. Workers learn of
/// its writes from the store (wrap it in a `NotifyingFleetStore`), not from the service.
public struct KafkaService: Sendable {
    /// Where kafkas and clusters are kept.
    public let store: any FleetStore
    /// Who decides quota.
    public let quota: any QuotaService
    /// The instance types offered.
    public let instanceTypes: InstanceTypeCatalog
    /// The providers and regions offered.
    public let providers: ProviderCatalog
    /// The source of the current time.
    public let clock: any WallClock
    /// Flags of the use cases.
    public let settings: KafkaServiceSettings

    /// A service over its collaborators.
    public init(
        store: any FleetStore, quota: any QuotaService, instanceTypes: InstanceTypeCatalog = .default,
        providers: ProviderCatalog = .default, clock: any WallClock = SystemWallClock(),
        settings: KafkaServiceSettings = KafkaServiceSettings()
    ) {
        self.store = store
        self.quota = quota
        self.instanceTypes = instanceTypes
        self.providers = providers
        self.clock = clock
        self.settings = settings
    }

    /// The compare-and-set writer every change of a kafka goes through.
    var writer: KafkaWriter { KafkaWriter(store: store, clock: clock) }

    // MARK: create

    /// Records a new kafka in `accepted`, after the checks of the reference's `POST /kafkas`, in its order.
    /// `async` is whether the caller sent `async=true`; only asynchronous creation exists.
    public func create(_ payload: KafkaCreatePayload, by requester: Requester, async: Bool) async throws -> KafkaRequest {
        guard async else { throw FleetError(.syncActionNotSupported) }
        let name = try KafkaNameRule.validate(payload.name)
        guard !requester.username.isEmpty else { throw FleetError(.unauthenticated, "user not authenticated") }
        try await ensureNameIsFree(name, in: requester.organisationID)

        let clusterID = payload.clusterID ?? ""
        let instanceType = try await assignedInstanceType(for: requester, plan: payload.plan)
        let location: KafkaLocation
        if clusterID.isEmpty {
            location = try KafkaLocation.resolve(provider: payload.cloudProvider, region: payload.region,
                                                 instanceType: instanceType.id, in: providers)
        } else {
            guard ClusterIDRule.isAlphanumeric(clusterID) else { throw FleetError(.invalidClusterID) }
            let cluster = try await store.cluster(clusterID: clusterID)
            location = KafkaLocation(provider: cluster?.cloudProvider ?? "", region: cluster?.region ?? "")
        }
        let size = try KafkaPlan.size(for: payload.plan, assigned: instanceType)
        let billingModel = try KafkaBillingChoice.validate(payload, instanceType: instanceType)

        let now = clock.now()
        var kafka = KafkaRequest(
            id: ResourceID.make(now: now), name: name, owner: requester.username, organisationID: requester.organisationID,
            cloudProvider: location.provider, region: location.region, instanceType: instanceType.id,
            sizeID: size.id, multiAZ: instanceType.id != InstanceTypeID.developer, capacityUnits: size.capacityConsumed,
            quotaUnits: size.quotaConsumed, maxDataRetentionSize: size.maxDataRetentionSize, now: now)
        kafka.ownerAccountID = requester.accountID
        kafka.namespace = "kafka-\(kafka.id)"
        kafka.reauthenticationEnabled = payload.reauthenticationEnabled ?? true
        kafka.billingCloudAccountID = payload.billingCloudAccountID ?? ""
        kafka.marketplace = payload.marketplace ?? ""
        kafka.desiredBillingModel = billingModel
        kafka.clusterID = clusterID
        kafka.quotaType = quota.quotaType
        kafka.expiresAt = size.lifespanSeconds.map { now.addingTimeInterval(TimeInterval($0)) }

        // Every limit is checked once, by the store, in the step that inserts the kafka; the store checks them in
        // the order of the reference's refusals: the region, the cluster's capacity, the trial limit, then the quota
        // reservation (which the store runs only when the limits hold) and the limits it names.
        var limits: [AdmissionLimit] = []
        if clusterID.isEmpty, let regionLimit = try regionLimit(for: kafka) { limits.append(regionLimit) }
        var trailing: [AdmissionLimit] = []
        if instanceType.id == InstanceTypeID.developer {
            trailing.append(settings.allowDeveloperInstances ? developerLimit(for: kafka) : Self.trialsForbidden)
        }
        let reservation = QuotaReservation(quota: quota, instanceType: instanceType)
        do {
            return try await insert(kafka, limits: limits, trailing: trailing, admit: reservation.admit)
        } catch {
            if let reserved = reservation.reserved { try? await quota.release(for: reserved) }
            throw error
        }
    }

    /// The refusal of a trial instance when they are not offered: a limit no kafka can fit, so it takes its place in
    /// the store's order of refusals.
    private static let trialsForbidden = AdmissionLimit(
        refusal: FleetError(.forbidden, "kafka Trial instances are not allowed"),
        filter: KafkaFilter(instanceType: InstanceTypeID.developer), measure: .instances, maximum: 0)

    private func ensureNameIsFree(_ name: String, in organisationID: String) async throws {
        let query = KafkaListQuery(organisationID: organisationID, search: .comparison(.name, .equal, name), page: 1, size: 1)
        if try await store.listKafkas(query).total > 0 { throw Self.duplicateName }
    }

    private static let duplicateName = FleetError(.duplicateKafkaClusterName, "Kafka cluster name is already used")

    /// The type the plan names when the quota service grants every type; else the first non-developer type the owner
    /// has quota for, else `developer` (the reference's rule).
    private func assignedInstanceType(for requester: Requester, plan: String?) async throws -> InstanceTypeConfig {
        if quota.grantsEveryInstanceType,
           let named = plan?.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ".").first,
           let type = instanceTypes.instanceType(String(named)) {
            return type
        }
        for type in instanceTypes.supportedInstanceTypes where type.id != InstanceTypeID.developer {
            if try await quota.hasQuota(organisationID: requester.organisationID, owner: requester.username, instanceType: type) {
                return type
            }
        }
        guard let developer = instanceTypes.instanceType(InstanceTypeID.developer) else {
            throw FleetError(.badRequest, "unable to detect instance type in plan provided")
        }
        return developer
    }

    /// The region's limit on this instance type, as streaming units of non-enterprise kafkas.
    func regionLimit(for kafka: KafkaRequest) throws(FleetError) -> AdmissionLimit? {
        guard let limit = providers.provider(kafka.cloudProvider)?.region(kafka.region)?
            .supportedInstanceType[kafka.instanceType]?.limit else { return nil }
        let refusal = Self.noCapacity(kafka)
        if limit <= 0 { throw refusal }
        return AdmissionLimit(
            refusal: refusal,
            filter: KafkaFilter(cloudProvider: kafka.cloudProvider, region: kafka.region, instanceType: kafka.instanceType,
                                excludingEnterprise: true),
            measure: .capacityUnits, maximum: limit)
    }

    private func developerLimit(for kafka: KafkaRequest) -> AdmissionLimit {
        let maximum = settings.maxDeveloperInstancesPerOwner
        return AdmissionLimit(
            refusal: FleetError(.tooManyKafkaInstancesReached, "only \(maximum) Trial instance is allowed"),
            filter: KafkaFilter(instanceType: InstanceTypeID.developer, organisationID: kafka.organisationID, owner: kafka.owner),
            measure: .instances, maximum: maximum)
    }

    static func noCapacity(_ kafka: KafkaRequest) -> FleetError {
        if kafka.desiredBillingModel == BillingModelID.enterprise {
            return FleetError(.tooManyKafkaInstancesReached,
                              "cluster \"\(kafka.clusterID)\" cannot accept instance type: \"\(kafka.instanceType)\" at this moment")
        }
        return FleetError(.tooManyKafkaInstancesReached,
                          "region \(kafka.region) cannot accept instance type: \(kafka.instanceType) at this moment")
    }

    /// The clusters a kafka could go to: every cluster, or the one it names (an enterprise kafka).
    func clusters(for kafka: KafkaRequest) async throws -> [DataPlaneCluster] {
        if kafka.clusterID.isEmpty { return try await store.clusters(inStatuses: nil) }
        return try await store.cluster(clusterID: kafka.clusterID).map { [$0] } ?? []
    }

    /// Whether a kafka that fits on no ready cluster is still accepted, unplaced: it names no cluster, and one that
    /// could host it is on its way to ready (the accepted worker places the kafka then).
    static func mayWaitForCluster(_ kafka: KafkaRequest, among clusters: [DataPlaneCluster]) -> Bool {
        kafka.clusterID.isEmpty && ClusterPlacement.candidates(for: kafka, among: clusters).contains { $0.status != .ready }
    }

    /// Inserts the kafka on the first ready cluster whose capacity holds; when none has room, unplaced if a cluster
    /// that could host it is still on its way to ready (the accepted worker places it then), else refused.
    private func insert(_ kafka: KafkaRequest, limits: [AdmissionLimit], trailing: [AdmissionLimit],
                        admit: @escaping @Sendable (KafkaRequest) async throws -> Admission) async throws -> KafkaRequest {
        let clusters = try await clusters(for: kafka)
        let placement = try await KafkaPlacer.firstFit(kafka, on: KafkaPlacer.targets(for: kafka, among: clusters), limits: limits,
                                                       trailing: trailing) { try await attempt($0, limits: $1, admit: admit) }
        switch placement {
        case let .placed(stored): return stored
        case let .refused(limit): throw limit.refusal
        case .conflict: throw FleetError(.general)
        case .full: break
        }
        guard Self.mayWaitForCluster(kafka, among: clusters) else { throw Self.noCapacity(kafka) }
        switch try await attempt(kafka, limits: limits + trailing, admit: admit) {
        case let .written(stored): return stored
        case let .refused(limit): throw limit.refusal
        case .conflict: throw FleetError(.general)
        }
    }

    private func attempt(_ kafka: KafkaRequest, limits: [AdmissionLimit],
                         admit: @escaping @Sendable (KafkaRequest) async throws -> Admission) async throws -> WriteOutcome<KafkaRequest> {
        do {
            return try await store.createKafka(kafka, limits: limits, admit: admit)
        } catch let error as StoreError where error.code == .duplicateKafkaName {
            throw Self.duplicateName
        }
    }

    // MARK: read

    /// The kafka with this id in the requester's organisation; another organisation's is not found.
    public func get(id: String, by requester: Requester) async throws -> KafkaRequest {
        guard let kafka = try await store.kafka(id: id), kafka.organisationID == requester.organisationID else {
            throw FleetError(.notFound, "KafkaResource for user \(requester.username) with id='\(id)' not found")
        }
        return kafka
    }

    /// A page of the requester's organisation's kafkas, filtered, ordered and paged as the reference does.
    public func list(_ parameters: KafkaListParameters, by requester: Requester) async throws -> KafkaList {
        let page = try parameters.parsedPage()
        let size = try parameters.parsedSize()
        let ordering = try parameters.parsedOrdering()
        let search = try parameters.parsedSearch()
        let result = try await store.listKafkas(KafkaListQuery(
            organisationID: requester.organisationID, search: search, ordering: ordering, page: max(page, 1), size: size))
        return KafkaList(page: page, size: min(size, result.total), total: result.total, items: result.items)
    }

    // MARK: change

    /// Changes the owner or re-authentication of a kafka; only its owner or an org admin may.
    public func update(id: String, with change: KafkaUpdatePayload, by requester: Requester) async throws -> KafkaRequest {
        let updated = try await ConflictRetry.run(attempts: settings.writeAttempts) { () async throws -> ConflictRetry.Step<KafkaRequest> in
            guard let current = try await store.kafka(id: id), current.organisationID == requester.organisationID else {
                throw FleetError(.notFound, "KafkaResource with id='\(id)' not found")
            }
            guard current.owner == requester.username || requester.isOrgAdmin else {
                throw FleetError(.unauthorized, "user not authorized to perform this action")
            }
            var changed = current
            if let owner = change.owner { changed.owner = try KafkaOwnerRule.validate(owner) }
            changed.reauthenticationEnabled = change.reauthenticationEnabled ?? current.reauthenticationEnabled
            // The reference answers with the requested values but writes nothing while the kafka is being deleted.
            if changed == current || KafkaStatus.deletingStatuses.contains(current.status) { return .finished(changed) }
            return try await writer.write(changed, over: current).step()
        }
        guard let updated else { throw FleetError(.general) }
        return updated
    }

    /// Asks for a kafka's deletion: moves it to `deprovision`. Org admins may delete any kafka of their
    /// organisation, others only their own; anything else is not found. Asking again while the kafka is being
    /// deleted changes nothing (the reference moves a `deleting` kafka back to `deprovision`).
    public func delete(id: String, by requester: Requester, async: Bool) async throws {
        guard async else { throw FleetError(.syncActionNotSupported) }
        let done: Void? = try await ConflictRetry.run(attempts: settings.writeAttempts) { () async throws -> ConflictRetry.Step<Void> in
            guard let current = try await store.kafka(id: id), current.organisationID == requester.organisationID,
                  requester.isOrgAdmin || current.owner == requester.username
            else { throw FleetError(.notFound, "KafkaResource with id='\(id)' not found") }
            guard let outcome = try await writer.apply(.deleteRequested, to: current) else { return .finished(()) }
            return try outcome.step().withoutValue
        }
        guard done != nil else { throw FleetError(.general) }
    }
}
