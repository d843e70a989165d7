import Foundation
import KafkaFleetCore
import KafkaFleetLocal
import Testing

/// A kafka service over an in-memory store with one ready cluster in `aws/us-east-1`, unless told otherwise.
struct ServiceFixture {
    let store = InMemoryFleetStore()
    let clock = ManualWallClock()
    let service: KafkaService

    static let alice = Requester(username: "alice", organisationID: "org-1", accountID: "acc-alice")
    static let bob = Requester(username: "bob", organisationID: "org-1")
    static let admin = Requester(username: "carol", organisationID: "org-1", isOrgAdmin: true)
    static let stranger = Requester(username: "mallory", organisationID: "org-2")

    init(quota: any QuotaService = AllowAllQuotaService(), providers: ProviderCatalog = .default,
         clusters: [(status: ClusterStatus, multiAZ: Bool, limit: Int?)] = [(.ready, true, nil), (.ready, false, nil)]) async throws {
        service = KafkaService(store: store, quota: quota, providers: providers, clock: clock)
        for (index, spec) in clusters.enumerated() {
            var cluster = DataPlaneCluster(id: ResourceID.make(), clusterID: "cluster-\(index)", status: spec.status,
                                           providerType: .standalone, cloudProvider: "aws", region: "us-east-1",
                                           multiAZ: spec.multiAZ, clusterDNS: "apps.c\(index).example.com", now: clock.now())
            cluster.kafkaInstanceLimit = spec.limit
            _ = try await store.createCluster(cluster)
        }
    }

    func create(_ name: String, by requester: Requester = alice, plan: String? = nil) async throws -> KafkaRequest {
        try await service.create(KafkaCreatePayload(name: name, plan: plan), by: requester, async: true)
    }
}

/// Runs `body` and returns the `FleetError` it threw.
func fleetError(_ body: () async throws -> some Any, sourceLocation: SourceLocation = #_sourceLocation) async -> FleetError? {
    do {
        _ = try await body()
        Issue.record("no error was thrown", sourceLocation: sourceLocation)
    } catch let error as FleetError {
        return error
    } catch {
        Issue.record("unexpected error \(error)", sourceLocation: sourceLocation)
    }
    return nil
}

@Suite("Kafka service: create")
struct KafkaServiceCreateTests {
    @Test("an accepted kafka carries the derived fields of its instance type and size")
    func accepted() async throws {
        let fixture = try await ServiceFixture()
        let kafka = try await fixture.create("my-kafka")
        #expect(kafka.status == .accepted)
        #expect(kafka.instanceType == "standard" && kafka.sizeID == "x1" && kafka.multiAZ)
        #expect(kafka.cloudProvider == "aws" && kafka.region == "us-east-1")
        #expect(kafka.namespace == "kafka-\(kafka.id)")
        #expect(kafka.maxDataRetentionSize == "1000Gi" && kafka.capacityUnits == 1 && kafka.quotaUnits == 1)
        #expect(kafka.actualBillingModel == "standard" && kafka.desiredBillingModel == "standard")
        #expect(kafka.ownerAccountID == "acc-alice" && kafka.quotaType == "allow-all")
        #expect(kafka.clusterID == "cluster-0")
        #expect(kafka.expiresAt == nil)
    }

    @Test("the checks run in the reference's order", arguments: [
        (KafkaCreatePayload(name: String(repeating: "a", count: 33)), false, FleetError.Code.syncActionNotSupported),
        (KafkaCreatePayload(name: String(repeating: "a", count: 33)), true, .maximumFieldLength),
        (KafkaCreatePayload(name: ""), true, .minimumFieldLength),
        (KafkaCreatePayload(name: "Bad_Name"), true, .malformedKafkaClusterName),
        (KafkaCreatePayload(name: "taken"), true, .duplicateKafkaClusterName),
        (KafkaCreatePayload(name: "ok", cloudProvider: "gcp"), true, .providerNotSupported),
        (KafkaCreatePayload(name: "ok", region: "eu-west-1"), true, .regionNotSupported),
        (KafkaCreatePayload(name: "ok", clusterID: "not-alnum!"), true, .invalidClusterID),
        (KafkaCreatePayload(name: "ok", plan: "premium.x1"), true, .badRequest),
        (KafkaCreatePayload(name: "ok", plan: "standard.x9"), true, .instancePlanNotSupported),
        (KafkaCreatePayload(name: "ok", billingModel: "enterprise"), true, .badRequest),
        (KafkaCreatePayload(name: "ok", billingModel: "marketplace"), true, .billingAccountInvalid),
    ])
    func order(payload: KafkaCreatePayload, async: Bool, expected: FleetError.Code) async throws {
        let fixture = try await ServiceFixture()
        _ = try await fixture.create("taken")
        let error = await fleetError { try await fixture.service.create(payload, by: ServiceFixture.alice, async: async) }
        #expect(error?.code == expected)
    }

    @Test("a second trial instance of the same owner is refused with 24")
    func secondTrial() async throws {
        let fixture = try await ServiceFixture(quota: QuotaListService(list: QuotaList()))
        let first = try await fixture.create("trial-1")
        #expect(first.instanceType == "developer" && !first.multiAZ && first.expiresAt != nil)
        let error = await fleetError { try await fixture.create("trial-2") }
        #expect(error == FleetError(.tooManyKafkaInstancesReached, "only 1 Trial instance is allowed"))
    }

    @Test("an organisation not on the quota list asking for standard.x1 gets 400 21")
    func unlistedStandard() async throws {
        let fixture = try await ServiceFixture(quota: QuotaListService(list: QuotaList()))
        let error = await fleetError { try await fixture.create("std", plan: "standard.x1") }
        #expect(error == FleetError(.badRequest, "unable to detect instance type in plan provided: \"standard.x1\""))
    }

    @Test("a listed organisation over its streaming units gets 403 5")
    func listedOrganisationOverLimit() async throws {
        let list = QuotaList(registeredUsersPerOrganisation: [QuotaListEntry(id: "org-1", anyUser: true, maxAllowedInstances: 1)])
        let fixture = try await ServiceFixture(quota: QuotaListService(list: list))
        _ = try await fixture.create("first")
        let error = await fleetError { try await fixture.create("second", by: ServiceFixture.bob) }
        #expect(error == FleetError(.maxAllowedInstanceReached,
                                    "organization 'org-1' has reached a maximum number of 1 allowed streaming units"))
    }

    @Test("a region at its limit refuses with 24, and concurrent creates never exceed it")
    func regionLimit() async throws {
        let providers = ProviderCatalog(supportedProviders: [CloudProviderConfig(name: "aws", isDefault: true, regions: [
            RegionConfig(name: "us-east-1", isDefault: true, supportedInstanceType: ["standard": RegionInstanceTypeLimit(limit: 3)]),
        ])])
        let fixture = try await ServiceFixture(providers: providers)
        let results = await withTaskGroup(of: Bool.self) { group in
            for index in 0..<10 {
                group.addTask { (try? await fixture.create("k\(index)")) != nil }
            }
            return await group.reduce(into: [Bool]()) { $0.append($1) }
        }
        #expect(results.filter { $0 }.count == 3)
        let error = await fleetError { try await fixture.create("one-more") }
        #expect(error == FleetError(.tooManyKafkaInstancesReached, "region us-east-1 cannot accept instance type: standard at this moment"))
    }

    @Test("a full cluster refuses with 24; a cluster still being prepared accepts the kafka unplaced")
    func placement() async throws {
        let full = try await ServiceFixture(clusters: [(.ready, true, 1)])
        _ = try await full.create("first")
        #expect(await fleetError { try await full.create("second") }?.code == .tooManyKafkaInstancesReached)

        let waiting = try await ServiceFixture(clusters: [(.provisioning, true, nil)])
        let kafka = try await waiting.create("early")
        #expect(kafka.clusterID.isEmpty && kafka.status == .accepted)

        let none = try await ServiceFixture(clusters: [])
        #expect(await fleetError { try await none.create("nowhere") }?.code == .tooManyKafkaInstancesReached)
    }

    @Test("the sizes a region offers shrink as its limit and its clusters fill, and a cluster on its way keeps them offered")
    func availableSizes() async throws {
        let standard = try #require(InstanceTypeCatalog.default.instanceType("standard"))
        func sizes(_ fixture: ServiceFixture) async throws -> [String] {
            try await fixture.service.availableSizes(provider: "aws", region: "us-east-1", instanceType: standard)
        }
        let providers = ProviderCatalog(supportedProviders: [CloudProviderConfig(name: "aws", isDefault: true, regions: [
            RegionConfig(name: "us-east-1", isDefault: true, supportedInstanceType: ["standard": RegionInstanceTypeLimit(limit: 2)]),
        ])])
        // The region's limit (2 units): x1 takes 1, x2 takes 2
        let region = try await ServiceFixture(providers: providers)
        #expect(try await sizes(region) == ["x1", "x2"])
        _ = try await region.create("first")
        #expect(try await sizes(region) == ["x1"])
        _ = try await region.create("second")
        #expect(try await sizes(region) == [])

        // A full ready cluster offers nothing; one still being prepared keeps every size offered
        let full = try await ServiceFixture(clusters: [(.ready, true, 1)])
        _ = try await full.create("first")
        #expect(try await sizes(full) == [])
        let waiting = try await ServiceFixture(clusters: [(.ready, true, 1), (.provisioning, true, nil)])
        _ = try await waiting.create("first")
        #expect(try await sizes(waiting) == ["x1", "x2"])
    }
}

@Suite("Kafka service: read, change, delete")
struct KafkaServiceLifecycleTests {
    @Test("another organisation's kafka is not found for get, update and delete")
    func tenancy() async throws {
        let fixture = try await ServiceFixture()
        let kafka = try await fixture.create("mine")
        #expect(await fleetError { try await fixture.service.get(id: kafka.id, by: ServiceFixture.stranger) }?.code == .notFound)
        #expect(await fleetError {
            try await fixture.service.update(id: kafka.id, with: KafkaUpdatePayload(owner: "x"), by: ServiceFixture.stranger)
        }?.code == .notFound)
        #expect(await fleetError { try await fixture.service.delete(id: kafka.id, by: ServiceFixture.stranger, async: true) }?.code == .notFound)
    }

    @Test("a member who is not the owner gets 403 11 on update and 404 7 on delete; an org admin may do both")
    func membersAndAdmins() async throws {
        let fixture = try await ServiceFixture()
        let kafka = try await fixture.create("mine")
        #expect(await fleetError {
            try await fixture.service.update(id: kafka.id, with: KafkaUpdatePayload(reauthenticationEnabled: false), by: ServiceFixture.bob)
        }?.code == .unauthorized)
        #expect(await fleetError { try await fixture.service.delete(id: kafka.id, by: ServiceFixture.bob, async: true) }?.code == .notFound)
        let changed = try await fixture.service.update(id: kafka.id, with: KafkaUpdatePayload(owner: "bob"), by: ServiceFixture.admin)
        #expect(changed.owner == "bob")
        try await fixture.service.delete(id: kafka.id, by: ServiceFixture.admin, async: true)
        #expect(await fixture.store.kafka(id: kafka.id)?.status == .deprovision)
    }

    @Test("an empty new owner is refused with 33")
    func emptyOwner() async throws {
        let fixture = try await ServiceFixture()
        let kafka = try await fixture.create("mine")
        let error = await fleetError { try await fixture.service.update(id: kafka.id, with: KafkaUpdatePayload(owner: ""), by: ServiceFixture.alice) }
        #expect(error == FleetError(.minimumFieldLength, "owner is not valid, minimum length 1 is required"))
    }

    @Test("deleting twice is a no-op, and so is deleting a kafka its agent already removed")
    func deleteIdempotent() async throws {
        let fixture = try await ServiceFixture()
        let kafka = try await fixture.create("mine")
        try await fixture.service.delete(id: kafka.id, by: ServiceFixture.alice, async: true)
        try await fixture.service.delete(id: kafka.id, by: ServiceFixture.alice, async: true)
        var deleting = try #require(await fixture.store.kafka(id: kafka.id))
        deleting.status = .deleting
        _ = try await fixture.store.updateKafka(deleting, expecting: .deprovision, limits: [])
        try await fixture.service.delete(id: kafka.id, by: ServiceFixture.alice, async: true)
        #expect(await fixture.store.kafka(id: kafka.id)?.status == .deleting)
    }

    @Test("a list reports size as min(requested, total) and refuses bad paging and ordering with 17")
    func listing() async throws {
        let fixture = try await ServiceFixture()
        for name in ["a", "b", "c"] { _ = try await fixture.create(name) }
        let page = try await fixture.service.list(KafkaListParameters(size: "10"), by: ServiceFixture.bob)
        #expect(page.size == 3 && page.total == 3 && page.items.map(\.name) == ["a", "b", "c"])
        let second = try await fixture.service.list(KafkaListParameters(page: "2", size: "2", orderBy: "name desc"), by: ServiceFixture.bob)
        #expect(second.items.map(\.name) == ["a"] && second.size == 2)
        let echoed = try await fixture.service.list(KafkaListParameters(page: "x"), by: ServiceFixture.bob)
        #expect(echoed.page == 0 && echoed.items.count == 3)
        for bad in [KafkaListParameters(page: "-1"), KafkaListParameters(size: "0"), KafkaListParameters(orderBy: "colour"),
                    KafkaListParameters(orderBy: "name up"), KafkaListParameters(orderBy: "name asc x")] {
            #expect(await fleetError { try await fixture.service.list(bad, by: ServiceFixture.bob) }?.code == .malformedRequest)
        }
        let search = await fleetError { try await fixture.service.list(KafkaListParameters(search: "id = x"), by: ServiceFixture.bob) }
        #expect(search?.code == .failedToParseSearch)
        #expect(search?.reason.hasPrefix("unable to list kafka requests: [1] error parsing the filter: invalid column name") == true)
        let other = try await fixture.service.list(KafkaListParameters(), by: ServiceFixture.stranger)
        #expect(other.total == 0 && other.items.isEmpty)
    }
}
