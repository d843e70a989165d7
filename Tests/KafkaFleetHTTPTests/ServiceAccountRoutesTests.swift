import Foundation
import HTTPTypes
import HummingbirdTesting
import KafkaFleetCore
import KafkaFleetHTTP
import KafkaFleetLocal
import Testing

@Suite("Service account routes")
struct ServiceAccountRoutesTests {
    static let path = "/api/kafkas_mgmt/v1/service_accounts"

    /// Creates an account through the API as the holder of `headers` and returns the answer's JSON.
    static func create(_ client: any TestClientProtocol, _ headers: HTTPFields, name: String = "my-app-sa") async throws -> [String: Any] {
        let response = try await client.execute(uri: path, method: .post, headers: headers,
                                                body: json(#"{"name":"\#(name)","description":"service account for my app"}"#))
        #expect(response.status == .accepted)
        return try response.object()
    }

    @Test("create answers 202 with the account and its secret, in the reference's shape")
    func create() async throws {
        let api = try await APIHarness()
        let (alice, store) = (try await api.auth(), api.store)
        try await api.run { client in
            let account = try await Self.create(client, alice)
            let id = try #require(account["id"] as? String)
            #expect(id.wholeMatch(of: /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/) != nil)
            #expect(account["kind"] as? String == "ServiceAccount")
            #expect(account["href"] as? String == "\(Self.path)/\(id)")
            #expect(account["name"] as? String == "my-app-sa")
            #expect(account["description"] as? String == "service account for my app")
            #expect((account["client_id"] as? String)?.wholeMatch(of: /srvc-acct-[0-9a-f-]{36}/) != nil)
            #expect((account["client_secret"] as? String)?.count == ServiceAccountSecret.length)
            #expect(account["owner"] as? String == "alice" && account["created_by"] as? String == "alice")
            #expect((account["created_at"] as? String)?.wholeMatch(of: /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ/) != nil)
            // Only the secret's hash is stored
            let stored = try #require(await store.serviceAccount(id: id))
            #expect(stored.secretSHA256 == ServiceAccountSecret.sha256(try #require(account["client_secret"] as? String)))
        }
    }

    @Test("the list has kind and items only, items of kind ServiceAccount without secrets, and only the caller's organisation's")
    func list() async throws {
        let api = try await APIHarness()
        let (alice, bob, other, empty) = (try await api.auth(), try await api.auth(user: "bob"), try await api.auth(org: "org-2"),
                                          try await api.auth(org: "org-3"))
        try await api.run { client in
            let mine = try await Self.create(client, alice, name: "mine")
            _ = try await Self.create(client, other, name: "theirs")

            let response = try await client.execute(uri: Self.path, method: .get, headers: bob)
            #expect(response.status == .ok)
            let list = try response.object()
            #expect(Set(list.keys) == ["kind", "items"])
            #expect(list["kind"] as? String == "ServiceAccountList")
            let items = try #require(list["items"] as? [[String: Any]])
            #expect(items.count == 1)
            let item = try #require(items.first)
            #expect(item["id"] as? String == mine["id"] as? String)
            #expect(item["kind"] as? String == "ServiceAccount")
            #expect(item["href"] as? String == mine["href"] as? String)
            #expect(item["client_id"] as? String == mine["client_id"] as? String)
            #expect(item["created_by"] as? String == "alice")
            #expect(item["client_secret"] == nil)

            // An organisation without accounts gets an empty list, never null
            let none = try await client.execute(uri: Self.path, method: .get, headers: empty)
            #expect((try none.object()["items"] as? [Any])?.isEmpty == true)
        }
    }

    @Test("?client_id= answers a list of that one account; an empty value lists all")
    func byClientID() async throws {
        let api = try await APIHarness()
        let alice = try await api.auth()
        try await api.run { client in
            let account = try await Self.create(client, alice)
            _ = try await Self.create(client, alice, name: "second")
            let clientID = try #require(account["client_id"] as? String)

            let one = try await client.execute(uri: "\(Self.path)?client_id=\(clientID)", method: .get, headers: alice)
            let items = try #require(try one.object()["items"] as? [[String: Any]])
            #expect(items.count == 1 && items.first?["id"] as? String == account["id"] as? String)

            let all = try await client.execute(uri: "\(Self.path)?client_id=", method: .get, headers: alice)
            #expect((try all.object()["items"] as? [Any])?.count == 2)
        }
    }

    @Test("?client_id= refusals: malformed 400 40, unknown 404 113, someone else's 403 4", arguments: [
        ("srvc-acct-nope", "org-1", 400, 40),
        ("srvc-acct-\(UUID().uuidString.lowercased())", "org-1", 404, 113),
        ("EXISTING", "org-2", 403, 4),
    ])
    func byClientIDRefusals(clientID: String, org: String, status: Int, code: Int) async throws {
        let api = try await APIHarness()
        let (alice, caller) = (try await api.auth(), try await api.auth(org: org))
        try await api.run { client in
            let account = try await Self.create(client, alice)
            let wanted = clientID == "EXISTING" ? try #require(account["client_id"] as? String) : clientID
            try await client.execute(uri: "\(Self.path)?client_id=\(wanted)", method: .get, headers: caller)
                .expectError(HTTPResponse.Status(code: status), code: code)
        }
    }

    @Test("get answers the account without its secret; reset answers a new secret; delete answers 204 and it is gone")
    func lifecycle() async throws {
        let api = try await APIHarness()
        let (auth, store) = (try await api.auth(), api.store)
        try await api.run { client in
            let created = try await Self.create(client, auth)
            let id = try #require(created["id"] as? String)

            let read = try await client.execute(uri: "\(Self.path)/\(id)", method: .get, headers: auth)
            #expect(read.status == .ok)
            let account = try read.object()
            #expect(account["client_id"] as? String == created["client_id"] as? String)
            #expect(account["client_secret"] == nil)

            let reset = try await client.execute(uri: "\(Self.path)/\(id)/reset_credentials", method: .post, headers: auth)
            #expect(reset.status == .ok)
            let secret = try #require(try reset.object()["client_secret"] as? String)
            #expect(secret != created["client_secret"] as? String)
            #expect(await store.serviceAccount(id: id)?.secretSHA256 == ServiceAccountSecret.sha256(secret))

            let deleted = try await client.execute(uri: "\(Self.path)/\(id)", method: .delete, headers: auth)
            #expect(deleted.status == .noContent)
            #expect(deleted.body.readableBytes == 0)
            try await client.execute(uri: "\(Self.path)/\(id)", method: .get, headers: auth)
                .expectError(.notFound, code: 113, reason: "service account not found \(id)")
        }
    }

    @Test("another organisation, or a member who is not the owner, is refused with 403 4; an org admin may delete and reset")
    func tenancy() async throws {
        let api = try await APIHarness()
        let alice = try await api.auth()
        let others = [try await api.auth(org: "org-2", user: "alice"), try await api.auth(org: "org-1", user: "bob")]
        let (foreignAdmin, admin) = (try await api.auth(org: "org-2", user: "zed", admin: true), try await api.auth(user: "carol", admin: true))
        try await api.run { client in
            let id = try #require(try await Self.create(client, alice)["id"] as? String)
            let account = "\(Self.path)/\(id)"
            for auth in others {
                try await client.execute(uri: account, method: .get, headers: auth)
                    .expectError(.forbidden, code: 4, reason: "failed to get service account")
                try await client.execute(uri: "\(account)/reset_credentials", method: .post, headers: auth)
                    .expectError(.forbidden, code: 4, reason: "failed to reset service account credentials")
                try await client.execute(uri: account, method: .delete, headers: auth)
                    .expectError(.forbidden, code: 4, reason: "failed to delete service account")
            }
            // Another organisation's admin is refused too; the organisation's own admin may act
            try await client.execute(uri: account, method: .delete, headers: foreignAdmin).expectError(.forbidden, code: 4)
            #expect(try await client.execute(uri: "\(account)/reset_credentials", method: .post, headers: admin).status == .ok)
            #expect(try await client.execute(uri: account, method: .delete, headers: admin).status == .noContent)
        }
    }

    @Test("create refusals carry the reference's codes", arguments: [
        (#"{"description":"no name"}"#, 400, 33),
        (#"{"name":"\#(String(repeating: "a", count: 51))"}"#, 400, 34),
        (#"{"name":"Upper"}"#, 400, 38),
        (#"{"name":"ok","description":"semi;colon"}"#, 400, 39),
        (#"{"name":"ok","description":"\#(String(repeating: "d", count: 256))"}"#, 400, 34),
        (#"{"name":12}"#, 400, 17),
        ("", 400, 17),
    ])
    func createRefusals(body: String, status: Int, code: Int) async throws {
        let api = try await APIHarness()
        let auth = try await api.auth()
        try await api.run { client in
            try await client.execute(uri: Self.path, method: .post, headers: auth, body: json(body))
                .expectError(HTTPResponse.Status(code: status), code: code)
        }
    }

    @Test("ids of the wrong shape are 400 (40, or 34 when too long) and unknown ones 404 113, on every {id} route", arguments: [
        ("not-a-uuid", 400, 40), (String(repeating: "a", count: 37), 400, 34), (UUID().uuidString.lowercased(), 404, 113),
    ])
    func idRefusals(id: String, status: Int, code: Int) async throws {
        let api = try await APIHarness()
        let auth = try await api.auth()
        try await api.run { client in
            for (method, suffix) in [(HTTPRequest.Method.get, ""), (.delete, ""), (.post, "/reset_credentials")] {
                try await client.execute(uri: "\(Self.path)/\(id)\(suffix)", method: method, headers: auth)
                    .expectError(HTTPResponse.Status(code: status), code: code)
            }
        }
    }

    @Test("an organisation at its limit is refused with 403 115")
    func limit() async throws {
        let api = try await APIHarness(serviceAccountSettings: ServiceAccountSettings(maximumPerOrganisation: 1))
        let (alice, bob) = (try await api.auth(), try await api.auth(user: "bob"))
        try await api.run { client in
            _ = try await Self.create(client, alice)
            try await client.execute(uri: Self.path, method: .post, headers: bob, body: json(#"{"name":"two"}"#))
                .expectError(.forbidden, code: 115, reason: "Max allowed number:1 of service accounts for user in org:org-1 has reached")
        }
    }

    @Test("a failing directory is answered with 500 and the step's code", arguments: [
        (FailingDirectory.Operation.create, 110), (.delete, 112), (.lookUp, 111), (.list, 9), (.reset, 9),
    ])
    func directoryFailures(operation: FailingDirectory.Operation, code: Int) async throws {
        let store = InMemoryFleetStore()
        let directory = FailingDirectory(base: StoreBackedServiceAccountDirectory(store: store), failing: operation)
        let api = try await APIHarness(serviceAccounts: directory)
        let existing = try await StoreBackedServiceAccountDirectory(store: store).create(ServiceAccountDraft(
            clientID: "srvc-acct-\(UUID().uuidString.lowercased())", name: "kept", description: "", organisationID: "org-1",
            owner: "alice", ownerAccountID: "", createdAt: Date())).account
        let auth = try await api.auth()
        try await api.run { client in
            let (method, uri): (HTTPRequest.Method, String) = switch operation {
            case .create: (.post, Self.path)
            case .list: (.get, Self.path)
            case .lookUp: (.get, "\(Self.path)/\(existing.id)")
            case .delete: (.delete, "\(Self.path)/\(existing.id)")
            case .reset: (.post, "\(Self.path)/\(existing.id)/reset_credentials")
            }
            try await client.execute(uri: uri, method: method, headers: auth, body: json(#"{"name":"new"}"#))
                .expectError(.internalServerError, code: code)
        }
    }
}

/// A directory that passes every call to `base` except one kind, which fails as an unreachable provider would.
struct FailingDirectory: ServiceAccountDirectory {
    enum Operation: Sendable, CaseIterable { case create, list, lookUp, delete, reset }

    let base: any ServiceAccountDirectory
    let failing: Operation

    private func check(_ operation: Operation) throws {
        if operation == failing { throw ProviderError(.unavailable, provider: "keycloak", "connection refused") }
    }

    func create(_ draft: ServiceAccountDraft) async throws -> IssuedServiceAccount {
        try check(.create)
        return try await base.create(draft)
    }

    func accounts(organisationID: String) async throws -> [ServiceAccount] {
        try check(.list)
        return try await base.accounts(organisationID: organisationID)
    }

    func account(id: String) async throws -> ServiceAccount? {
        try check(.lookUp)
        return try await base.account(id: id)
    }

    func account(clientID: String) async throws -> ServiceAccount? {
        try check(.lookUp)
        return try await base.account(clientID: clientID)
    }

    func delete(id: String) async throws {
        try check(.delete)
        try await base.delete(id: id)
    }

    func resetSecret(id: String) async throws -> String? {
        try check(.reset)
        return try await base.resetSecret(id: id)
    }
}
