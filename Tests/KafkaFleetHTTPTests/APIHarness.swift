import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import KafkaFleetCore
@testable import KafkaFleetHTTP
import KafkaFleetLocal
import KafkaFleetTesting
import Testing

/// The development key every HTTP test signs with (made once, in a temporary directory).
enum TestKey {
    static let shared = Result {
        try DevelopmentSigningKey.loadOrCreate(
            in: FileManager.default.temporaryDirectory.appendingPathComponent("kafkafleet-http-tests-\(UUID().uuidString)").path)
    }
}

/// A public API over an in-memory store with one ready cluster per AZ mode, tested through `.router`. Service
/// accounts live in that store unless the test passes another directory.
struct APIHarness {
    let store = InMemoryFleetStore()
    let key: DevelopmentSigningKey
    let fleetRouter: FleetRouter
    let document: OpenAPIDocument

    init(quota: any QuotaService = AllowAllQuotaService(), policy: AccessPolicy = AccessPolicy(),
         metrics: any KafkaMetricsSource = EmptyKafkaMetricsSource(),
         serviceAccounts: (any ServiceAccountDirectory)? = nil,
         serviceAccountSettings: ServiceAccountSettings = ServiceAccountSettings(),
         limits: HTTPServerLimits = HTTPServerLimits(), rateLimiter: OrganisationRateLimiter? = nil) async throws {
        key = try TestKey.shared.get()
        for (index, multiAZ) in [true, false].enumerated() {
            _ = try await store.createCluster(DataPlaneCluster(
                id: ResourceID.make(), clusterID: "cluster-\(index)", status: .ready, providerType: .standalone,
                cloudProvider: "aws", region: "us-east-1", multiAZ: multiAZ, clusterDNS: "apps.example.com", now: Date()))
        }
        let serviceAccounts = serviceAccounts ?? StoreBackedServiceAccountDirectory(store: store)
        let authenticator = Authenticator(verifier: TokenVerifier(source: FileJWKSSource(path: key.jwksPath)), policy: policy)
        let service = KafkaService(store: store, quota: quota)
        document = try Self.documents.get().public
        fleetRouter = FleetRouter(authenticator: authenticator, limits: limits)
        PublicAPI(service: service, authenticator: authenticator, document: document, metrics: metrics, rateLimiter: rateLimiter)
            .addRoutes(to: fleetRouter.router)
        try Self.documents.get().private.addRoutes(to: fleetRouter.router)
        let environment = FleetEnvironment(store: store, quota: quota, dns: FakeDNSProvider(), identity: FakeIdentityProvider())
        AgentAPI(service: AgentService(environment: environment, settings: AgentSettings(ssoRealmURL: DevelopmentSigningKey.defaultIssuer)),
                 authenticator: authenticator).addRoutes(to: fleetRouter.router)
        AdminAPI(service: AdminService(environment: environment), authenticator: authenticator).addRoutes(to: fleetRouter.router)
        let enterprise = EnterpriseClusterService(environment: environment, settings: Self.enterpriseSettings)
        EnterpriseClustersAPI(service: enterprise, authenticator: authenticator).addRoutes(to: fleetRouter.router)
        ServiceAccountsAPI(service: ServiceAccountService(directory: serviceAccounts, settings: serviceAccountSettings),
                           authenticator: authenticator).addRoutes(to: fleetRouter.router)
    }

    /// The bundled OpenAPI documents, parsed once for every harness (parsing them is CPU work on the shared pool).
    static let documents = Result {
        (public: try OpenAPIDocument.bundled(), private: try PrivateDocumentsAPI.bundled())
    }

    /// What enterprise clusters' agents are told to connect with.
    static let enterpriseSettings = EnterpriseClusterSettings(ssoAuthServerURL: DevelopmentSigningKey.defaultIssuer,
                                                              controlPlaneURL: "http://127.0.0.1:8000")

    /// Runs `body` against the application in router mode.
    func run(_ body: @Sendable @escaping (any TestClientProtocol) async throws -> Void) async throws {
        let app = Application(router: fleetRouter)
        try await app.test(.router) { client in try await body(client) }
    }

    /// A token of the development issuer.
    func token(org: String = "org-1", user: String = "alice", admin: Bool = false, roles: [String] = [],
               clientID: String? = nil) async throws -> String {
        try await key.mint(orgID: org, username: user, isOrgAdmin: admin, clientID: clientID, roles: roles)
    }

    /// Headers carrying the token of the agent of `clusterID`.
    func agentAuth(clusterID: String) async throws -> HTTPFields {
        [.authorization: "Bearer \(try await token(org: "", user: "agent", clientID: DataPlaneCluster.defaultClientID(forClusterID: clusterID)))"]
    }

    /// Headers carrying a token with admin API roles.
    func adminAuth(roles: [String]) async throws -> HTTPFields {
        [.authorization: "Bearer \(try await token(org: "ops", user: "operator", roles: roles))"]
    }

    /// Headers carrying a token.
    func auth(org: String = "org-1", user: String = "alice", admin: Bool = false) async throws -> HTTPFields {
        [.authorization: "Bearer \(try await token(org: org, user: user, admin: admin))"]
    }
}

extension TestResponse {
    /// The body parsed as a JSON object.
    func object(sourceLocation: SourceLocation = #_sourceLocation) throws -> [String: Any] {
        let value = try JSONSerialization.jsonObject(with: Data(body.readableBytesView))
        return try #require(value as? [String: Any], sourceLocation: sourceLocation)
    }

    /// Checks the reference's error shape, code and (when given) reason.
    func expectError(_ status: HTTPResponse.Status, code: Int, reason: String? = nil,
                     sourceLocation: SourceLocation = #_sourceLocation) throws {
        #expect(self.status == status, sourceLocation: sourceLocation)
        let object = try object(sourceLocation: sourceLocation)
        #expect(object["kind"] as? String == "Error", sourceLocation: sourceLocation)
        #expect(object["id"] as? String == "\(code)", sourceLocation: sourceLocation)
        #expect(object["code"] as? String == "KAFKAS-MGMT-\(code)", sourceLocation: sourceLocation)
        #expect(object["href"] as? String == "/api/kafkas_mgmt/v1/errors/\(code)", sourceLocation: sourceLocation)
        if let reason { #expect(object["reason"] as? String == reason, sourceLocation: sourceLocation) }
    }
}

/// A JSON body.
func json(_ text: String) -> ByteBuffer { ByteBuffer(string: text) }
