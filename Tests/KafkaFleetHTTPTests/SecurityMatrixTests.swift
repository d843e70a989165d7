import Foundation
import HTTPTypes
import HummingbirdTesting
import KafkaFleetCore
import KafkaFleetHTTP
import Testing

/// Every route of the API against every kind of caller, with the status each must get. The routes come from the
/// router itself, so a route added without a row here fails the test rather than going unchecked.
@Suite("Security matrix")
struct SecurityMatrixTests {
    static let adminRealm = "https://sso.example.com/auth/realms/EmployeeIDP"
    static let agentRealm = "https://sso.example.com/auth/realms/rhoas"

    /// Who calls.
    enum Identity: String, CaseIterable, Sendable {
        case none, expired, otherIssuer, owner, member, otherOrg, orgAdmin, serviceAccount
        case adminFull, adminWrite, adminRead, agentOfCluster, agentOfOtherCluster
        /// Tokens of an issuer nobody trusts, carrying admin roles or the cluster's agent client id.
        case otherIssuerAdmin, otherIssuerAgent

        /// Holders of a tenant token of organisation org-1.
        var isTenantOfOrg: Bool { [.owner, .member, .orgAdmin, .serviceAccount].contains(self) }
        /// Holders of any valid tenant token (of either organisation).
        var isTenant: Bool { isTenantOfOrg || self == .otherOrg }
        /// Holders of any token with a valid signature and time claims.
        var isValid: Bool { self != .none && self != .expired }
        /// May change and delete org-1's kafka (its owner or an org admin).
        var mayChangeKafka: Bool { self == .owner || self == .orgAdmin }
    }

    /// What a route is, for the rules that decide who may call it.
    enum Surface: Sendable {
        case open, anyToken, tenantCollection, orgKafka(mutates: Bool, ownerOnly: Bool)
        /// A service account route: its creator may, and org admins may delete it and reset its secret.
        case serviceAccount(orgAdminMay: Bool)
        /// An enterprise cluster route: reading one needs the organisation, changing one (and reading its agent's
        /// secret) an org admin.
        case enterpriseCluster(orgAdminOnly: Bool)
        case agent, admin(HTTPRequest.Method)
    }

    /// The surface of a route template, or `nil` for a route nobody classified.
    static func surface(of method: HTTPRequest.Method, _ template: String) -> Surface? {
        let path = template.hasPrefix("/") ? String(template.dropFirst()) : template
        let v1 = "api/kafkas_mgmt/v1"
        switch path {
        case "api/kafkas_mgmt", v1, "\(v1)/openapi", "\(v1)/openapi/agent", "\(v1)/openapi/admin", "\(v1)/docs", "\(v1)/errors", "\(v1)/errors/{id}", "\(v1)/sso_providers":
            return .open
        case "\(v1)/cloud_providers", "\(v1)/cloud_providers/{id}/regions":
            return .anyToken
        case "\(v1)/kafkas", "\(v1)/instance_types/{cloud_provider}/{cloud_region}", "\(v1)/service_accounts":
            return .tenantCollection
        case "\(v1)/kafkas/{id}":
            return .orgKafka(mutates: method != .get, ownerOnly: method == .delete)
        case "\(v1)/kafkas/{id}/promote":
            return .orgKafka(mutates: true, ownerOnly: false)
        case "\(v1)/kafkas/{id}/metrics/query", "\(v1)/kafkas/{id}/metrics/query_range", "\(v1)/kafkas/{id}/metrics/federate":
            return .orgKafka(mutates: false, ownerOnly: false)
        case "\(v1)/service_accounts/{id}", "\(v1)/service_accounts/{id}/reset_credentials":
            return .serviceAccount(orgAdminMay: method != .get)
        case "\(v1)/clusters":
            return method == .get ? .tenantCollection : .enterpriseCluster(orgAdminOnly: true)
        case "\(v1)/clusters/{id}":
            return .enterpriseCluster(orgAdminOnly: method != .get)
        case "\(v1)/clusters/{id}/addon_parameters":
            return .enterpriseCluster(orgAdminOnly: true)
        case _ where path.hasPrefix("\(v1)/agent-clusters/"):
            return .agent
        case _ where path.hasPrefix("\(v1)/admin/"):
            return .admin(method)
        default:
            return nil
        }
    }

    /// The statuses `identity` may get from a route of `surface`; anything else is a leak or a wrong refusal.
    static func allowed(_ surface: Surface, _ identity: Identity) -> Set<Int> {
        let success: Set<Int> = [200, 201, 202, 204]
        switch surface {
        case .open:
            return [200]
        case .anyToken:
            return identity.isValid ? [200] : [401]
        case .tenantCollection:
            return identity.isTenant ? success : [401]
        case let .enterpriseCluster(orgAdminOnly):
            guard identity.isTenant else { return [401] }
            if orgAdminOnly { return identity == .orgAdmin ? success : [403] }
            return identity.isTenantOfOrg ? success : [404]
        case let .orgKafka(mutates, ownerOnly):
            guard identity.isTenant else { return [401] }
            guard identity.isTenantOfOrg else { return [404] }
            if !mutates || identity.mayChangeKafka {
                // The kafka is not eval, so its owner's promotion is refused on business grounds.
                return success.union([400])
            }
            return ownerOnly ? [404] : [403]
        case let .serviceAccount(orgAdminMay):
            guard identity.isTenant else { return [401] }
            return identity == .owner || (orgAdminMay && identity == .orgAdmin) ? success : [403, 404]
        case .agent:
            guard identity.isValid else { return [401] }
            return identity == .agentOfCluster ? success : [404]
        case let .admin(method):
            guard identity.isValid else { return [401] }
            let roles: [HTTPRequest.Method: Set<Identity>] = [
                .get: [.adminFull, .adminWrite, .adminRead], .patch: [.adminFull, .adminWrite], .delete: [.adminFull],
            ]
            // An admin's change may be refused on its merits (400); it is never answered as someone else's.
            return roles[method, default: []].contains(identity) ? success.union([400]) : [404]
        }
    }

    @Test("every route answers every identity as the rules say: no route unclassified, no leak")
    func matrix() async throws {
        let probe = try await MatrixFixture.make()
        let routes = probe.api.fleetRouter.routes
        #expect(routes.count == 41, "a route was added or removed: classify it here")
        var failures: [String] = []
        for route in routes {
            guard let surface = Self.surface(of: route.method, route.template.description) else {
                failures.append("unclassified route \(route.method) \(route.template)")
                continue
            }
            // A read changes nothing, so one fixture serves every identity; a change gets a fresh fixture each time.
            let shared = route.method == .get ? try await MatrixFixture.make() : nil
            for identity in Identity.allCases {
                let fixture = if let shared { shared } else { try await MatrixFixture.make() }
                let status = try await fixture.call(route, as: identity)
                let expected = Self.allowed(surface, identity)
                if !expected.contains(status) {
                    failures.append("\(route.method) \(route.template) as \(identity): \(status), expected one of \(expected.sorted())")
                }
            }
        }
        #expect(failures.isEmpty, "\(failures.count) wrong answers:\n\(failures.joined(separator: "\n"))")
    }
}

/// A fresh API with one kafka, one service account and one enterprise cluster of org-1 (all alice's), and tokens
/// for every identity.
private struct MatrixFixture {
    let api: APIHarness
    let kafkaID: String
    let serviceAccountID: String
    static let enterpriseClusterID = String(repeating: "c0ffee12", count: 4)
    var enterpriseClusterID: String { Self.enterpriseClusterID }
    let tokens: [SecurityMatrixTests.Identity: String]

    static func make() async throws -> MatrixFixture {
        let api = try await APIHarness(policy: AccessPolicy(adminIssuer: SecurityMatrixTests.adminRealm,
                                                            agentIssuer: SecurityMatrixTests.agentRealm))
        let key = api.key
        let now = Date().timeIntervalSince1970
        let agentID = DataPlaneCluster.defaultClientID(forClusterID: "cluster-0")
        let otherAgentID = DataPlaneCluster.defaultClientID(forClusterID: "cluster-1")
        var tokens: [SecurityMatrixTests.Identity: String] = [
            .expired: try await key.sign(TokenClaims(exp: now - 60, iat: now - 600, iss: DevelopmentSigningKey.defaultIssuer,
                                                     username: "alice", orgID: "org-1")),
            .otherIssuer: try await key.mint(orgID: "org-1", username: "alice", issuer: "https://evil/"),
            .owner: try await key.mint(orgID: "org-1", username: "alice"),
            .member: try await key.mint(orgID: "org-1", username: "bob"),
            .otherOrg: try await key.mint(orgID: "org-2", username: "mallory"),
            .orgAdmin: try await key.mint(orgID: "org-1", username: "carol", isOrgAdmin: true),
            .serviceAccount: try await key.mint(orgID: "org-1", username: "service-account-srvc-acct-1", clientID: "srvc-acct-1"),
            .adminFull: try await key.mint(orgID: "ops", username: "op", roles: ["kas-fleet-manager-admin-full"], issuer: SecurityMatrixTests.adminRealm),
            .adminWrite: try await key.mint(orgID: "ops", username: "op", roles: ["kas-fleet-manager-admin-write"], issuer: SecurityMatrixTests.adminRealm),
            .adminRead: try await key.mint(orgID: "ops", username: "op", roles: ["kas-fleet-manager-admin-read"], issuer: SecurityMatrixTests.adminRealm),
            .agentOfCluster: try await key.mint(orgID: "", username: "agent", clientID: agentID, issuer: SecurityMatrixTests.agentRealm),
            .otherIssuerAdmin: try await key.mint(orgID: "ops", username: "op", roles: ["kas-fleet-manager-admin-full"], issuer: "https://evil/"),
            .otherIssuerAgent: try await key.mint(orgID: "", username: "agent", clientID: agentID, issuer: "https://evil/"),
            .agentOfOtherCluster: try await key.mint(orgID: "", username: "agent", clientID: otherAgentID, issuer: SecurityMatrixTests.agentRealm),
        ]
        tokens[.none] = nil
        let owner: HTTPFields = [.authorization: "Bearer \(tokens[.owner] ?? "")"]
        let orgAdmin: HTTPFields = [.authorization: "Bearer \(tokens[.orgAdmin] ?? "")"]
        let ids = try await api.runReturning { client -> (String, String) in
            let kafka = try await client.execute(uri: "/api/kafkas_mgmt/v1/kafkas?async=true", method: .post, headers: owner,
                                                 body: json(#"{"name":"secret"}"#)).object()
            let account = try await client.execute(uri: "/api/kafkas_mgmt/v1/service_accounts", method: .post, headers: owner,
                                                   body: json(#"{"name":"secret-sa"}"#)).object()
            let cluster = try await client.execute(uri: "/api/kafkas_mgmt/v1/clusters", method: .post, headers: orgAdmin, body: json(
                #"{"cluster_id":"\#(enterpriseClusterID)","cluster_ingress_dns_name":"apps.enterprise1.example.com","kafka_machine_pool_node_count":3,"access_kafkas_via_private_network":false}"#))
            #expect(cluster.status == .ok)
            return (try #require(kafka["id"] as? String), try #require(account["id"] as? String))
        }
        return MatrixFixture(api: api, kafkaID: ids.0, serviceAccountID: ids.1, tokens: tokens)
    }

    /// Calls `route` as `identity` with a plausible body, and returns the status.
    func call(_ route: RouteTable.Entry, as identity: SecurityMatrixTests.Identity) async throws -> Int {
        let template = route.template.description
        let path = route.template.segments.map { segment -> String in
            guard RouteTemplate.isPlaceholder(segment) else { return segment }
            switch segment {
            case "{cloud_provider}": return "aws"
            case "{cloud_region}": return "us-east-1"
            default: break
            }
            if template.contains("/agent-clusters/") || template.contains("/admin/clusters/") { return "cluster-0" }
            if template.contains("/kafkas/") { return kafkaID }
            if template.contains("/service_accounts/") { return serviceAccountID }
            if template.contains("/clusters/") { return enterpriseClusterID }
            if template.contains("/cloud_providers/") { return "aws" }
            if template.contains("/errors/") { return "36" }
            return "x"
        }.joined(separator: "/")
        let query = template.hasSuffix("/query_range") ? "?duration=5&interval=30" : (route.method == .get ? "" : "?async=true")
        var headers: HTTPFields = [.contentType: "application/json"]
        if let token = tokens[identity] { headers[.authorization] = "Bearer \(token)" }
        let body: String = switch (route.method, template) {
        case (.post, _) where template.hasSuffix("/kafkas"): #"{"name":"matrix"}"#
        case (.post, _) where template.hasSuffix("/promote"): #"{"desired_kafka_billing_model":"standard"}"#
        case (.post, _) where template.hasSuffix("/service_accounts"): #"{"name":"matrix-sa"}"#
        case (.post, _) where template.hasSuffix("/clusters"):
            #"{"cluster_id":"\#(String(repeating: "deadbeef", count: 4))","cluster_ingress_dns_name":"apps.enterprise2.example.com","kafka_machine_pool_node_count":3,"access_kafkas_via_private_network":false}"#
        case (.put, _) where template.hasSuffix("/kafkas/status"): "{}"
        case (.put, _): #"{"conditions":[{"type":"Ready","status":"True"}]}"#
        case (.patch, _): #"{"reauthentication_enabled":false}"#
        default: ""
        }
        let sent = headers
        return try await api.runReturning { client in
            Int(try await client.execute(uri: "/" + path + query, method: route.method, headers: sent,
                                         body: body.isEmpty ? nil : json(body)).status.code)
        }
    }
}

extension APIHarness {
    /// Runs `body` against the application in router mode and returns what it returns.
    func runReturning<T: Sendable>(_ body: @Sendable @escaping (any TestClientProtocol) async throws -> T) async throws -> T {
        let result = ResultBox<T>()
        try await run { client in await result.set(try await body(client)) }
        return try await result.get()
    }
}

/// Carries a value out of a test client closure.
private actor ResultBox<T: Sendable> {
    private var value: T?
    func set(_ value: T) { self.value = value }
    func get() throws -> T { try #require(value) }
}
