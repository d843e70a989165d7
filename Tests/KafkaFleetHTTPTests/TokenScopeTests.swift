import Foundation
import HTTPTypes
import HummingbirdTesting
import KafkaFleetCore
import KafkaFleetHTTP
import Testing

/// Tokens go only where they belong: each surface checks its own issuer, and the public API a username.
@Suite("Token scope")
struct TokenScopeTests {
    static let adminRealm = "https://sso.example.com/auth/realms/EmployeeIDP"
    static let agentRealm = "https://sso.example.com/auth/realms/rhoas"
    static let policy = AccessPolicy(adminIssuer: adminRealm, agentIssuer: agentRealm)

    @Test("an admin token of another issuer is 404 on the admin API; of the admin issuer it is let in")
    func adminIssuer() async throws {
        let api = try await APIHarness(policy: Self.policy)
        let roles = ["kas-fleet-manager-admin-full"]
        let evil = try await api.key.mint(orgID: "ops", username: "operator", roles: roles, issuer: "https://evil/")
        let tenantRealm = try await api.key.mint(orgID: "ops", username: "operator", roles: roles)
        let right = try await api.key.mint(orgID: "ops", username: "operator", roles: roles, issuer: Self.adminRealm)
        try await api.run { client in
            for token in [evil, tenantRealm] {
                try await client.execute(uri: "/api/kafkas_mgmt/v1/admin/kafkas", method: .get, headers: [.authorization: "Bearer \(token)"])
                    .expectError(.notFound, code: 7)
            }
            let allowed = try await client.execute(uri: "/api/kafkas_mgmt/v1/admin/kafkas", method: .get, headers: [.authorization: "Bearer \(right)"])
            #expect(allowed.status == .ok)
        }
    }

    @Test("an agent token of another issuer is 404 on the agent API, even with the cluster's client id")
    func agentIssuer() async throws {
        let api = try await APIHarness(policy: Self.policy)
        let clientID = DataPlaneCluster.defaultClientID(forClusterID: "cluster-0")
        let evil = try await api.key.mint(orgID: "", username: "agent", clientID: clientID, issuer: "https://evil/")
        let right = try await api.key.mint(orgID: "", username: "agent", clientID: clientID, issuer: Self.agentRealm)
        try await api.run { client in
            try await client.execute(uri: "/api/kafkas_mgmt/v1/agent-clusters/cluster-0/kafkas", method: .get, headers: [.authorization: "Bearer \(evil)"])
                .expectError(.notFound, code: 7)
            let allowed = try await client.execute(uri: "/api/kafkas_mgmt/v1/agent-clusters/cluster-0/kafkas", method: .get,
                                                   headers: [.authorization: "Bearer \(right)"])
            #expect(allowed.status == .ok)
        }
    }

    @Test("admin and agent tokens are 401 on the public API", arguments: [adminRealm, agentRealm, "https://evil/"])
    func foreignIssuerOnPublicAPI(issuer: String) async throws {
        let api = try await APIHarness(policy: Self.policy)
        let token = try await api.key.mint(orgID: "org-1", username: "alice", issuer: issuer)
        try await api.run { client in
            for path in ["/api/kafkas_mgmt/v1/kafkas", "/api/kafkas_mgmt/v1/service_accounts", "/api/kafkas_mgmt/v1/clusters"] {
                try await client.execute(uri: path, method: .get, headers: [.authorization: "Bearer \(token)"])
                    .expectError(.unauthorized, code: 15)
            }
        }
    }

    @Test("a token without a username, or with an empty one, is 401 on the tenant routes", arguments: [nil, ""] as [String?])
    func usernameRequired(username: String?) async throws {
        let api = try await APIHarness()
        let now = Date().timeIntervalSince1970
        let token = try await api.key.sign(TokenClaims(exp: now + 300, iat: now, iss: DevelopmentSigningKey.defaultIssuer,
                                                       username: username, orgID: "org-1"))
        try await api.run { client in
            for (path, method) in [("/api/kafkas_mgmt/v1/kafkas", HTTPRequest.Method.get), ("/api/kafkas_mgmt/v1/kafkas?async=true", .post),
                                   ("/api/kafkas_mgmt/v1/service_accounts", .get)] {
                try await client.execute(uri: path, method: method, headers: [.authorization: "Bearer \(token)"], body: json(#"{"name":"x"}"#))
                    .expectError(.unauthorized, code: 15)
            }
        }
    }

    @Test("preferred_username stands in for a missing username")
    func preferredUsername() async throws {
        let api = try await APIHarness()
        let now = Date().timeIntervalSince1970
        let token = try await api.key.sign(TokenClaims(exp: now + 300, iat: now, iss: DevelopmentSigningKey.defaultIssuer,
                                                       preferredUsername: "alice", orgID: "org-1"))
        try await api.run { client in
            let created = try await client.execute(uri: "/api/kafkas_mgmt/v1/kafkas?async=true", method: .post,
                                                   headers: [.authorization: "Bearer \(token)"], body: json(#"{"name":"preferred"}"#))
            #expect(try created.object()["owner"] as? String == "alice")
        }
    }

    @Test("rh-org-id stands in for a missing org_id")
    func rhOrgID() async throws {
        let api = try await APIHarness()
        let now = Date().timeIntervalSince1970
        let token = try await api.key.sign(TokenClaims(exp: now + 300, iat: now, iss: DevelopmentSigningKey.defaultIssuer,
                                                       username: "alice", rhOrgID: "org-7"))
        let member = try await api.auth(org: "org-7")
        try await api.run { client in
            let created = try await client.execute(uri: "/api/kafkas_mgmt/v1/kafkas?async=true", method: .post,
                                                   headers: [.authorization: "Bearer \(token)"], body: json(#"{"name":"fallback"}"#))
            #expect(created.status == .accepted)
            let listed = try await client.execute(uri: "/api/kafkas_mgmt/v1/kafkas", method: .get, headers: member)
            #expect(try listed.object()["total"] as? Int == 1)
        }
        #expect(await api.store.listKafkas(KafkaListQuery()).items.map(\.organisationID) == ["org-7"])
    }

    @Test("username and org_id win over their fallback claims when a token carries both")
    func primaryClaimsWin() async throws {
        let api = try await APIHarness()
        let now = Date().timeIntervalSince1970
        let token = try await api.key.sign(TokenClaims(exp: now + 300, iat: now, iss: DevelopmentSigningKey.defaultIssuer,
                                                       username: "alice", preferredUsername: "mallory", orgID: "org-1", rhOrgID: "org-9"))
        try await api.run { client in
            let created = try await client.execute(uri: "/api/kafkas_mgmt/v1/kafkas?async=true", method: .post,
                                                   headers: [.authorization: "Bearer \(token)"], body: json(#"{"name":"primary"}"#))
            #expect(try created.object()["owner"] as? String == "alice")
        }
        #expect(await api.store.listKafkas(KafkaListQuery()).items.map(\.organisationID) == ["org-1"])
    }

    @Test("a cs_jwt cookie is no credential")
    func cookieIgnored() async throws {
        let api = try await APIHarness()
        let token = try await api.token()
        try await api.run { client in
            try await client.execute(uri: "/api/kafkas_mgmt/v1/kafkas?async=true", method: .post,
                                     headers: [.cookie: "cs_jwt=\(token)", .contentType: "text/plain"], body: json(#"{"name":"csrf"}"#))
                .expectError(.unauthorized, code: 15)
        }
        #expect(await api.store.listKafkas(KafkaListQuery()).total == 0)
    }
}
