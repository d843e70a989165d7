import Foundation
import HTTPTypes
import HummingbirdTesting
import KafkaFleetCore
import KafkaFleetHTTP
import Testing

@Suite("Authentication")
struct AuthenticationTests {
    @Test("every route that is not public answers 401 15 with the challenge when there is no token")
    func walkWithoutToken() async throws {
        let api = try await APIHarness()
        let publicTemplates = APIPaths.publicTemplates.map(RouteTemplate.init)
        let protected = api.fleetRouter.routes.filter { route in !publicTemplates.contains(route.template) }
        // 12 public kafka, metrics and catalogue routes, 4 agent routes, 6 admin routes, 5 enterprise cluster routes,
        // 5 service-account routes.
        #expect(protected.count == 32)
        try await api.run { client in
            for route in protected {
                let path = route.template.segments.map { RouteTemplate.isPlaceholder($0) ? "x" : $0 }.joined(separator: "/")
                let response = try await client.execute(uri: "/" + path, method: route.method)
                try response.expectError(.unauthorized, code: 15,
                                         reason: "Request doesn't contain the 'Authorization' header")
                #expect(response.headers[.wwwAuthenticate] == "Bearer realm=\"KAFKAS-MGMT/v1\"", "\(route.method) \(path)")
            }
        }
    }

    @Test("public routes answer without a token")
    func publicRoutes() async throws {
        let api = try await APIHarness()
        try await api.run { client in
            for path in ["/api/kafkas_mgmt", "/api/kafkas_mgmt/v1", "/api/kafkas_mgmt/v1/openapi", "/api/kafkas_mgmt/v1/openapi/agent",
                         "/api/kafkas_mgmt/v1/openapi/admin", "/api/kafkas_mgmt/v1/docs", "/api/kafkas_mgmt/v1/errors",
                         "/api/kafkas_mgmt/v1/errors/36", "/api/kafkas_mgmt/v1/sso_providers"] {
                let response = try await client.execute(uri: path, method: .get)
                #expect(response.status == .ok, "\(path)")
            }
        }
    }

    @Test("bad tokens are refused with the reference's reasons", arguments: [
        ("Basic abc", "Authentication type 'Basic' isn't supported"),
        ("Bearer", "Authorization header 'Bearer' is malformed"),
        ("Bearer not.a.token", "Bearer token is malformed"),
    ])
    func badHeaders(header: String, reason: String) async throws {
        let api = try await APIHarness()
        try await api.run { client in
            try await client.execute(uri: "/api/kafkas_mgmt/v1/kafkas", method: .get, headers: [.authorization: header])
                .expectError(.unauthorized, code: 15, reason: reason)
        }
    }

    @Test("expired, iat-less, wrongly signed and wrong-issuer tokens are refused with 401 15")
    func claims() async throws {
        let api = try await APIHarness()
        let now = Date().timeIntervalSince1970
        let expired = try await api.key.sign(TokenClaims(exp: now - 10, iat: now - 100, iss: DevelopmentSigningKey.defaultIssuer,
                                                         username: "alice", orgID: "org-1"))
        let noIat = try await api.key.sign(TokenClaims(exp: now + 100, iss: DevelopmentSigningKey.defaultIssuer, username: "alice", orgID: "org-1"))
        let valid = try await api.token()
        var parts = valid.split(separator: ".").map(String.init)
        parts[2] = String(parts[2].reversed())
        let forged = parts.joined(separator: ".")
        let otherIssuer = try await api.key.mint(orgID: "org-1", username: "alice", issuer: "https://elsewhere")
        let noOrg = try await api.key.mint(orgID: "", username: "alice")
        try await api.run { client in
            let cases = [(expired, "Bearer token is expired"), (noIat, "Bearer token doesn't contain required claim 'iat'"),
                         (forged, nil), (otherIssuer, "Account authentication could not be verified"),
                         (noOrg, "Account authentication could not be verified")]
            for (token, reason) in cases {
                try await client.execute(uri: "/api/kafkas_mgmt/v1/kafkas", method: .get, headers: [.authorization: "Bearer \(token)"])
                    .expectError(.unauthorized, code: 15, reason: reason)
            }
            let cloud = try await client.execute(uri: "/api/kafkas_mgmt/v1/cloud_providers", method: .get,
                                                 headers: [.authorization: "Bearer \(otherIssuer)"])
            #expect(cloud.status == .ok)
        }
    }

    @Test("the deny list answers 403 4 and the access list 403 18")
    func accessControl() async throws {
        let api = try await APIHarness(policy: AccessPolicy(deniedUsernames: ["alice"], allowedOrganisations: ["org-1"]))
        let denied = try await api.auth()
        let outsider = try await api.auth(org: "org-9", user: "bob")
        try await api.run { client in
            try await client.execute(uri: "/api/kafkas_mgmt/v1/kafkas", method: .get, headers: denied)
                .expectError(.forbidden, code: 4, reason: "user 'alice' is not authorized to access the service.")
            try await client.execute(uri: "/api/kafkas_mgmt/v1/kafkas", method: .get, headers: outsider)
                .expectError(.forbidden, code: 18)
        }
    }

    @Test("a token signed by a key added to the JWKS later is accepted after a reload")
    func keyRotation() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("rotation-\(UUID().uuidString)").path
        let first = try DevelopmentSigningKey.loadOrCreate(in: directory + "/a")
        let second = try DevelopmentSigningKey.loadOrCreate(in: directory + "/b")
        let jwks = directory + "/jwks.json"
        try FileManager.default.copyItem(atPath: first.jwksPath, toPath: jwks)
        let verifier = TokenVerifier(source: FileJWKSSource(path: jwks), minimumReloadInterval: .zero)
        _ = try await verifier.verify(try await first.mint(orgID: "o", username: "u"))
        let rotated = try await second.mint(orgID: "o", username: "u")
        await #expect(throws: AuthenticationFailure.self) { try await verifier.verify(rotated) }
        try FileManager.default.removeItem(atPath: jwks)
        try FileManager.default.copyItem(atPath: second.jwksPath, toPath: jwks)
        #expect(try await verifier.verify(rotated).username == "u")
    }

    @Test("a token that verified once is still refused when it expires, and when a reload drops its key")
    func rememberedTokens() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("remembered-\(UUID().uuidString)").path
        let first = try DevelopmentSigningKey.loadOrCreate(in: directory + "/a")
        let second = try DevelopmentSigningKey.loadOrCreate(in: directory + "/b")
        let jwks = directory + "/jwks.json"
        try FileManager.default.copyItem(atPath: first.jwksPath, toPath: jwks)
        let start = Date(timeIntervalSince1970: Date().timeIntervalSince1970.rounded(.down))
        let clock = ManualWallClock(start)
        let verifier = TokenVerifier(source: FileJWKSSource(path: jwks), clock: clock, minimumReloadInterval: .zero)

        let shortLived = try await first.mint(orgID: "o", username: "u", ttl: .seconds(60), now: start)
        #expect(try await verifier.verify(shortLived).username == "u")
        #expect(try await verifier.verify(shortLived).username == "u")
        clock.advance(by: .seconds(61))
        await #expect(throws: AuthenticationFailure("Bearer token is expired")) { try await verifier.verify(shortLived) }

        let longLived = try await first.mint(orgID: "o", username: "u", now: clock.now())
        #expect(try await verifier.verify(longLived).username == "u")
        try FileManager.default.removeItem(atPath: jwks)
        try FileManager.default.copyItem(atPath: second.jwksPath, toPath: jwks)
        #expect(try await verifier.verify(try await second.mint(orgID: "o", username: "v", now: clock.now())).username == "v")
        await #expect(throws: AuthenticationFailure("Bearer token can't be verified")) { try await verifier.verify(longLived) }
    }

    @Test("requests that arrive while the keys are first loading wait for them instead of being refused")
    func concurrentFirstRequests() async throws {
        /// A JWKS whose load takes many scheduler turns, as a fetch over the network would.
        struct SlowJWKSSource: JWKSSource {
            let file: FileJWKSSource
            func loadJWKS() async throws -> String {
                for _ in 0..<200 { await Task.yield() }
                return try await file.loadJWKS()
            }
        }
        let key = try TestKey.shared.get()
        let verifier = TokenVerifier(source: SlowJWKSSource(file: FileJWKSSource(path: key.jwksPath)))
        let token = try await key.mint(orgID: "o", username: "u")
        let accepted = await withTaskGroup(of: Bool.self) { group in
            for _ in 0..<16 { group.addTask { (try? await verifier.verify(token)) != nil } }
            return await group.reduce(0) { $0 + ($1 ? 1 : 0) }
        }
        #expect(accepted == 16)
    }

    @Test("the development key is kept in files only its owner can read, and is loaded again later")
    func developmentKeyFiles() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("devkey-\(UUID().uuidString)").path
        let created = try DevelopmentSigningKey.loadOrCreate(in: directory)
        let loaded = try DevelopmentSigningKey.loadOrCreate(in: directory)
        #expect(created.keyID == loaded.keyID)
        for name in [DevelopmentSigningKey.privateKeyFileName, DevelopmentSigningKey.jwksFileName] {
            let attributes = try FileManager.default.attributesOfItem(atPath: directory + "/" + name)
            #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        }
    }
}
