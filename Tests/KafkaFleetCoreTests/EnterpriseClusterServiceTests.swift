import Foundation
import KafkaFleetCore
import KafkaFleetLocal
import KafkaFleetTesting
import Testing

/// An enterprise cluster service over an in-memory store, with a cluster reconciler on the standalone provider.
struct EnterpriseFixture {
    let store = InMemoryFleetStore()
    let clock = ManualWallClock()
    let identity = FakeIdentityProvider()
    let environment: FleetEnvironment
    let service: EnterpriseClusterService
    let reconciler: ClusterReconciler

    static let admin = Requester(username: "carol", organisationID: "org-1", isOrgAdmin: true)
    static let member = Requester(username: "alice", organisationID: "org-1")
    static let strangerAdmin = Requester(username: "mallory", organisationID: "org-2", isOrgAdmin: true)
    static let clusterID = String(repeating: "a1B2", count: 8)
    static let settings = EnterpriseClusterSettings(ssoAuthServerURL: "https://sso.example.com/realms/test",
                                                    controlPlaneURL: "https://api.example.com")

    init(quota: any QuotaService = AllowAllQuotaService()) {
        environment = FleetEnvironment(store: store, clock: clock, quota: quota, dns: FakeDNSProvider(), identity: identity)
        service = EnterpriseClusterService(environment: environment, settings: Self.settings)
        reconciler = ClusterReconciler(environment: environment, providers: [.standalone: StandaloneClusterProvider()])
    }

    static func registration(id: String = clusterID, dns: String = "apps.customer.example.com", nodes: Int? = 6,
                             privateNetwork: Bool? = true, provider: String? = nil) -> EnterpriseClusterRegistration {
        EnterpriseClusterRegistration(clusterID: id, clusterIngressDNSName: dns, kafkaMachinePoolNodeCount: nodes,
                                      accessKafkasViaPrivateNetwork: privateNetwork, cloudProvider: provider)
    }

    @discardableResult
    func register(id: String = clusterID, by requester: Requester = admin) async throws -> EnterpriseClusterDetails {
        try await service.register(Self.registration(id: id), by: requester)
    }

    /// Marks the cluster ready, as its agent's first Ready report would.
    func markReady(_ clusterID: String = clusterID) async throws {
        let current = try #require(await store.cluster(clusterID: clusterID))
        var ready = current
        ready.status = .ready
        _ = try #require(await store.updateCluster(ready, expecting: current.status).value)
    }

    /// Stores a kafka of org-1 on `clusterID` in `status`.
    func storeKafka(on clusterID: String = clusterID, status: KafkaStatus) async throws {
        var kafka = KafkaRequest(id: ResourceID.make(now: clock.now()), name: "k-\(status.rawValue)", owner: "alice",
                                 organisationID: "org-1", cloudProvider: "aws", region: "us-east-1", instanceType: "standard",
                                 sizeID: "x2", multiAZ: true, capacityUnits: 2, now: clock.now())
        kafka.clusterID = clusterID
        kafka.status = status
        kafka.desiredBillingModel = BillingModelID.enterprise
        _ = try #require(try await store.createKafka(kafka, limits: []).value)
    }
}

@Suite("Enterprise clusters: registration")
struct EnterpriseRegistrationTests {
    @Test("an org admin registers a standalone enterprise cluster in accepted with the parameters of its agent")
    func registers() async throws {
        let fixture = EnterpriseFixture()
        let details = try await fixture.service.register(EnterpriseFixture.registration(), by: EnterpriseFixture.admin)

        let cluster = try #require(await fixture.store.cluster(clusterID: EnterpriseFixture.clusterID))
        #expect(details.cluster == cluster)
        #expect(cluster.status == .accepted && cluster.clusterType == .enterprise && cluster.providerType == .standalone)
        #expect(cluster.organizationID == "org-1" && cluster.clusterDNS == "apps.customer.example.com")
        #expect(cluster.cloudProvider == "aws" && cluster.region == "us-east-1" && cluster.multiAZ)
        #expect(cluster.supportedInstanceTypes == ["standard"] && cluster.accessKafkasViaPrivateNetwork)
        #expect(cluster.capacity == ["standard": ClusterCapacity(maxNodes: 6)])
        #expect(cluster.clientID == "kas-fleetshard-agent-\(EnterpriseFixture.clusterID)")
        #expect(details.kafkaMachinePoolNodeCount == 6 && details.consumedStreamingUnits == 0 && details.remainingStreamingUnits == 0)

        let parameters = fixture.service.fleetshardParameters(for: cluster)
        #expect(parameters.map(\.id) == ["sso-auth-server-url", "sso-client-id", "sso-secret", "control-plane-url", "cluster-id",
                                         "poll-interval", "resync-interval"])
        #expect(parameters.map(\.value) == ["https://sso.example.com/realms/test", cluster.clientID, "", "https://api.example.com",
                                            EnterpriseFixture.clusterID, "15s", "60s"])
    }

    @Test("the cluster reconciler takes a registered cluster to waiting for its agent and creates the agent's client")
    func reconciled() async throws {
        let fixture = EnterpriseFixture()
        try await fixture.register()

        for _ in 0..<3 { _ = await fixture.reconciler.reconcile() }

        let cluster = try #require(await fixture.store.cluster(clusterID: EnterpriseFixture.clusterID))
        #expect(cluster.status == .waitingForAgent)
        #expect(!cluster.clientSecret.isEmpty)
        #expect(fixture.identity.creations(of: cluster.clientID) == 1)
        let parameters = try await fixture.service.addonParameters(clusterID: EnterpriseFixture.clusterID, by: EnterpriseFixture.admin)
        #expect(parameters.first { $0.id == "sso-secret" }?.value == cluster.clientSecret)
    }

    @Test("registration refusals follow the reference's codes", arguments: [
        (EnterpriseFixture.registration(id: "short"), FleetError.Code.minimumFieldLength),
        (EnterpriseFixture.registration(id: EnterpriseFixture.clusterID + "x"), .maximumFieldLength),
        (EnterpriseFixture.registration(id: String(repeating: "a-", count: 16)), .invalidClusterID),
        (EnterpriseFixture.registration(dns: "Apps.Example.com"), .invalidDNSName),
        (EnterpriseFixture.registration(dns: ""), .invalidDNSName),
        (EnterpriseFixture.registration(nodes: 2), .fieldValidation),
        (EnterpriseFixture.registration(nodes: 4), .fieldValidation),
        (EnterpriseFixture.registration(nodes: nil), .fieldValidation),
        (EnterpriseFixture.registration(provider: "gcp"), .providerNotSupported),
    ])
    func refusals(registration: EnterpriseClusterRegistration, code: FleetError.Code) async throws {
        let fixture = EnterpriseFixture()
        let error = await fleetError { try await fixture.service.register(registration, by: EnterpriseFixture.admin) }
        #expect(error?.code == code)
        #expect(await fixture.store.clusters(inStatuses: nil).isEmpty)
    }

    @Test("an id already registered is 409 44, even for another organisation")
    func duplicate() async throws {
        let fixture = EnterpriseFixture()
        try await fixture.register()
        let error = await fleetError { try await fixture.register(by: EnterpriseFixture.strangerAdmin) }
        #expect(error?.code == .duplicateClusterID)
    }

    @Test("a member who is not an org admin may not register (403 11), but the payload is checked first")
    func notAdmin() async throws {
        let fixture = EnterpriseFixture()
        #expect(await fleetError { try await fixture.register(by: EnterpriseFixture.member) }?.code == .unauthorized)
        #expect(await fleetError { try await fixture.register(id: "short", by: EnterpriseFixture.member) }?.code == .minimumFieldLength)
    }
}

@Suite("Enterprise clusters: access, reads and deregistration")
struct EnterpriseClusterUseTests {
    private static func quotaList(grantingEnterpriseTo organisation: String) -> QuotaListService {
        QuotaListService(list: QuotaList(registeredUsersPerOrganisation: [
            QuotaListEntry(id: organisation, anyUser: true, grantedQuota: [
                GrantedQuota(instanceTypeID: "standard", kafkaBillingModels: [GrantedBillingModel(id: "enterprise")]),
            ]),
            QuotaListEntry(id: "org-standard", anyUser: true),
        ]))
    }

    @Test("only organisations with standard quota under the enterprise billing model may use the API (else 403 11)")
    func access() async throws {
        let fixture = EnterpriseFixture(quota: Self.quotaList(grantingEnterpriseTo: "org-1"))
        try await fixture.service.authorizeAccess(EnterpriseFixture.member)
        for organisation in ["org-standard", "org-unlisted"] {
            let error = await fleetError {
                try await fixture.service.authorizeAccess(Requester(username: "bob", organisationID: organisation))
            }
            #expect(error == FleetError(.unauthorized, "organization '\(organisation)' is not authorized to access the service"))
        }
    }

    @Test("reads are scoped to the organisation's enterprise clusters; other ones are not found")
    func scoping() async throws {
        let fixture = EnterpriseFixture()
        try await fixture.register()
        _ = try await fixture.store.createCluster(DataPlaneCluster(
            id: ResourceID.make(), clusterID: "managed1", status: .ready, providerType: .standalone, cloudProvider: "aws",
            region: "us-east-1", multiAZ: true, clusterDNS: "apps.managed.example.com", now: fixture.clock.now()))

        #expect(try await fixture.service.get(clusterID: EnterpriseFixture.clusterID, by: EnterpriseFixture.member).cluster.clusterID
                == EnterpriseFixture.clusterID)
        #expect(try await fixture.service.list(by: EnterpriseFixture.member).map(\.cluster.clusterID) == [EnterpriseFixture.clusterID])
        #expect(try await fixture.service.list(by: EnterpriseFixture.strangerAdmin).isEmpty)

        let hidden = await fleetError { try await fixture.service.get(clusterID: EnterpriseFixture.clusterID, by: EnterpriseFixture.strangerAdmin) }
        #expect(hidden == FleetError(.notFound, "enterprise data plane cluster with id='\(EnterpriseFixture.clusterID)' not found within organization: org-2"))
        #expect(await fleetError { try await fixture.service.get(clusterID: "managed1", by: EnterpriseFixture.member) }?.code == .notFound)
        #expect(await fleetError { try await fixture.service.get(clusterID: "bad-id", by: EnterpriseFixture.member) }?.code == .invalidClusterID)
        #expect(await fleetError {
            try await fixture.service.addonParameters(clusterID: EnterpriseFixture.clusterID, by: EnterpriseFixture.member)
        }?.code == .unauthorized)
    }

    @Test("capacity counts the standard kafkas on the cluster that are not being deleted")
    func capacity() async throws {
        let fixture = EnterpriseFixture()
        try await fixture.register()
        try await fixture.storeKafka(status: .ready)
        try await fixture.storeKafka(status: .deleting)

        let details = try await fixture.service.get(clusterID: EnterpriseFixture.clusterID, by: EnterpriseFixture.member)

        #expect(details.consumedStreamingUnits == 2 && details.maximumStreamingUnits == 0 && details.remainingStreamingUnits == -2)
    }

    @Test("deregistration checks async, admin, existence, organisation and hosted kafkas, then moves the cluster to deprovisioning")
    func deregister() async throws {
        let fixture = EnterpriseFixture()
        try await fixture.register()
        let id = EnterpriseFixture.clusterID
        let service = fixture.service
        #expect(await fleetError { try await service.deregister(clusterID: id, by: EnterpriseFixture.admin, async: false) }?.code
                == .syncActionNotSupported)
        #expect(await fleetError { try await service.deregister(clusterID: id, by: EnterpriseFixture.member, async: true) }?.code
                == .unauthorized)
        #expect(await fleetError { try await service.deregister(clusterID: "missing", by: EnterpriseFixture.admin, async: true) }?.code
                == .notFound)
        #expect(await fleetError { try await service.deregister(clusterID: id, by: EnterpriseFixture.strangerAdmin, async: true) }?.code
                == .forbidden)
        try await fixture.storeKafka(status: .failed)
        #expect(await fleetError { try await service.deregister(clusterID: id, by: EnterpriseFixture.admin, async: true) }
                == FleetError(.forbidden, "unable to deregister cluster with kafka instances"))
        #expect(await fixture.store.cluster(clusterID: id)?.status == .accepted)
    }

    @Test("a cluster whose kafkas are all being deleted is deregistered, and asking again changes nothing")
    func deregistered() async throws {
        let fixture = EnterpriseFixture()
        try await fixture.register()
        try await fixture.storeKafka(status: .deleting)

        try await fixture.service.deregister(clusterID: EnterpriseFixture.clusterID, by: EnterpriseFixture.admin, async: true)
        try await fixture.service.deregister(clusterID: EnterpriseFixture.clusterID, by: EnterpriseFixture.admin, async: true)

        #expect(await fixture.store.cluster(clusterID: EnterpriseFixture.clusterID)?.status == .deprovisioning)
    }

    @Test("a kafka created with the cluster's id and the enterprise billing model lands on the cluster once it is ready")
    func kafkaPlacement() async throws {
        let fixture = EnterpriseFixture()
        try await fixture.register()
        let kafkas = KafkaService(store: fixture.store, quota: AllowAllQuotaService(), clock: fixture.clock)
        let payload = KafkaCreatePayload(name: "on-prem", billingModel: "enterprise", clusterID: EnterpriseFixture.clusterID)
        let early = await fleetError { try await kafkas.create(payload, by: EnterpriseFixture.member, async: true) }
        #expect(early?.code == .tooManyKafkaInstancesReached)

        try await fixture.markReady()
        let kafka = try await kafkas.create(payload, by: EnterpriseFixture.member, async: true)

        #expect(kafka.clusterID == EnterpriseFixture.clusterID && kafka.status == .accepted)
        #expect(kafka.desiredBillingModel == "enterprise" && kafka.instanceType == "standard")
        #expect(kafka.cloudProvider == "aws" && kafka.region == "us-east-1")
        let details = try await fixture.service.get(clusterID: EnterpriseFixture.clusterID, by: EnterpriseFixture.member)
        #expect(details.consumedStreamingUnits == kafka.capacityUnits)
    }
}

@Suite("Enterprise clusters: DNS names")
struct DNSNameRuleTests {
    @Test("names the reference's pattern accepts", arguments: [
        "apps.customer.example.com", "apps.x.y.s1.devshift.org", "a.b", "_acme.example.com", "example.com.", "1x.example.com",
    ])
    func accepted(name: String) {
        #expect(DNSNameRule.isValid(name))
    }

    @Test("names the reference's pattern refuses", arguments: [
        "", "localhost", "Apps.example.com", "apps..example.com", "-apps.example.com", "apps-.example.com", "apps.example.1com",
        "apps.example.c_m", "apps.example.com-", ".example.com", String(repeating: "a", count: 64) + ".example.com",
    ])
    func refused(name: String) {
        #expect(!DNSNameRule.isValid(name))
    }
}
