import Foundation
import Hummingbird
import Synchronization

/// An in-test Keycloak serving the part of the admin REST API the identity and service-account adapters use,
/// with Keycloak's documented answers: 201 + `Location` on create, 409 on a duplicate client id, 401 for a
/// missing, unknown or expired bearer token, 404 for an unknown client, 204 on delete. Listing filters by
/// `clientId` and by attributes (`q=key:value`) and pages with `first` and `max`, ordered by client id.
final class FakeKeycloak: Sendable {
    struct Client: Sendable {
        var clientID: String
        var secret: String
        /// The JSON body the client was created with.
        var representation: Data
    }

    private struct State {
        var validTokens: Set<String> = []
        var logins = 0
        var clients: [String: Client] = [:]
        var createAnswers: [Int] = []
        var failures: [HTTPResponse.Status] = []
        var rejectEveryToken = false
    }

    let realm = "rhoas"
    let adminClientID = "kas-fleet-manager"
    let adminSecret = "admin-secret"
    /// The `expires_in` of issued tokens, in seconds.
    let tokenLifetime = 300
    private let state = Mutex(State())

    /// How many times the adapter logged in.
    var logins: Int { state.withLock { $0.logins } }
    /// The clients by internal id.
    var clients: [String: Client] { state.withLock { $0.clients } }
    /// The statuses answered to client creations, in order.
    var createAnswers: [Int] { state.withLock { $0.createAnswers } }

    /// Makes every token issued so far invalid, as when tokens expire or are revoked.
    func expireTokens() { state.withLock { $0.validTokens.removeAll() } }
    /// Makes every admin request answer 401, even with a fresh token.
    func rejectEveryToken() { state.withLock { $0.rejectEveryToken = true } }
    /// Makes the next admin requests answer these statuses, in order, before doing anything.
    func fail(with statuses: HTTPResponse.Status...) { state.withLock { $0.failures += statuses } }
    /// Adds a client as if created earlier by someone else, with the attributes given; returns its internal id.
    @discardableResult
    func seed(clientID: String, secret: String, attributes: [String: String] = [:]) -> String {
        let id = UUID().uuidString.lowercased()
        let representation = attributes.isEmpty ? Data() : (try? JSONSerialization.data(withJSONObject: ["attributes": attributes])) ?? Data()
        state.withLock { $0.clients[id] = Client(clientID: clientID, secret: secret, representation: representation) }
        return id
    }

    var application: some ApplicationProtocol {
        let router = Router()
        router.post("/auth/realms/{realm}/protocol/openid-connect/token") { request, context in
            try await self.login(request, context)
        }
        let admin = router.group("/auth/admin/realms/{realm}/clients")
        admin.post("") { request, context in try await self.admin(request, context) { try await self.create($0, $1) } }
        admin.get("") { request, context in try await self.admin(request, context) { self.list($0, $1) } }
        admin.get("{id}") { request, context in try await self.admin(request, context) { self.client($0, $1) } }
        admin.get("{id}/client-secret") { request, context in try await self.admin(request, context) { self.secret($0, $1) } }
        admin.post("{id}/client-secret") { request, context in try await self.admin(request, context) { self.regenerate($0, $1) } }
        admin.delete("{id}") { request, context in try await self.admin(request, context) { self.delete($0, $1) } }
        return Application(router: router)
    }

    private func login(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let form = String(buffer: try await request.body.collect(upTo: 1 << 16))
        var fields: [String: String] = [:]
        for pair in form.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1).map { String($0).removingPercentEncoding ?? String($0) }
            if parts.count == 2 { fields[parts[0]] = parts[1] }
        }
        guard context.parameters.get("realm") == realm, fields["grant_type"] == "client_credentials",
            fields["client_id"] == adminClientID, fields["client_secret"] == adminSecret
        else {
            return Response.json(.unauthorized, #"{"error":"unauthorized_client","error_description":"Invalid client secret"}"#)
        }
        let token = "token-\(UUID().uuidString)"
        state.withLock {
            $0.logins += 1
            $0.validTokens.insert(token)
        }
        return Response.json(.ok, #"{"access_token":"\#(token)","expires_in":\#(tokenLifetime),"token_type":"Bearer"}"#)
    }

    private func admin(
        _ request: Request, _ context: BasicRequestContext,
        _ handler: (Request, BasicRequestContext) async throws -> Response
    ) async throws -> Response {
        let bearer = request.headers[.authorization].map { String($0.dropFirst("Bearer ".count)) } ?? ""
        let verdict: HTTPResponse.Status? = state.withLock { state in
            if !state.failures.isEmpty { return state.failures.removeFirst() }
            return state.rejectEveryToken || !state.validTokens.contains(bearer) ? .unauthorized : nil
        }
        if let verdict { return Response.json(verdict, #"{"error":"HTTP \#(verdict.code)"}"#) }
        guard context.parameters.get("realm") == realm else { return Response.json(.notFound, #"{"error":"Realm not found."}"#) }
        return try await handler(request, context)
    }

    private func create(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let body = Data(try await request.body.collect(upTo: 1 << 20).readableBytesView)
        let clientID = (try JSONSerialization.jsonObject(with: body) as? [String: Any])?["clientId"] as? String ?? ""
        let id = UUID().uuidString.lowercased()
        let created: Bool = state.withLock { state in
            let exists = state.clients.values.contains { $0.clientID == clientID }
            state.createAnswers.append(exists ? 409 : 201)
            if !exists { state.clients[id] = Client(clientID: clientID, secret: "secret-\(UUID().uuidString)", representation: body) }
            return !exists
        }
        guard created else {
            return Response.json(.conflict, #"{"errorMessage":"Client \#(clientID) already exists"}"#)
        }
        let location = "http://\(request.head.authority ?? "localhost")/auth/admin/realms/\(realm)/clients/\(id)"
        return Response(status: .created, headers: [.location: location])
    }

    private func list(_ request: Request, _ context: BasicRequestContext) -> Response {
        let query = request.uri.queryParameters
        let wanted = query.get("clientId")
        let attribute = query.get("q").map { $0.split(separator: ":", maxSplits: 1).map(String.init) }
        let first = query.get("first").flatMap { Int($0) } ?? 0
        let max = query.get("max").flatMap { Int($0) } ?? 100
        let matching = state.withLock { $0.clients }
            .map { Self.representation(id: $0.key, $0.value) }
            .filter { client in
                (wanted == nil || client["clientId"] as? String == wanted)
                    && (attribute.map { (client["attributes"] as? [String: String])?[$0[0]] == $0.last } ?? true)
            }
            .sorted { ($0["clientId"] as? String ?? "") < ($1["clientId"] as? String ?? "") }
        return Self.json(Array(matching.dropFirst(first).prefix(max)))
    }

    private func client(_ request: Request, _ context: BasicRequestContext) -> Response {
        guard let id = context.parameters.get("id"), let client = state.withLock({ $0.clients[id] }) else {
            return Response.json(.notFound, #"{"error":"Could not find client"}"#)
        }
        return Self.json(Self.representation(id: id, client))
    }

    private func regenerate(_ request: Request, _ context: BasicRequestContext) -> Response {
        let secret = "secret-\(UUID().uuidString)"
        let found: Bool = state.withLock { state in
            guard let id = context.parameters.get("id"), state.clients[id] != nil else { return false }
            state.clients[id]?.secret = secret
            return true
        }
        guard found else { return Response.json(.notFound, #"{"error":"Could not find client"}"#) }
        return Response.json(.ok, #"{"type":"secret","value":"\#(secret)"}"#)
    }

    /// The client as Keycloak shows it: what it was created with, plus its internal id.
    private static func representation(id: String, _ client: Client) -> [String: Any] {
        var object = (try? JSONSerialization.jsonObject(with: client.representation)) as? [String: Any] ?? [:]
        object["id"] = id
        object["clientId"] = client.clientID
        object["enabled"] = true
        return object
    }

    private static func json(_ value: Any) -> Response {
        let data = (try? JSONSerialization.data(withJSONObject: value)) ?? Data("null".utf8)
        return Response.json(.ok, String(decoding: data, as: UTF8.self))
    }

    private func secret(_ request: Request, _ context: BasicRequestContext) -> Response {
        guard let id = context.parameters.get("id"), let client = state.withLock({ $0.clients[id] }) else {
            return Response.json(.notFound, #"{"error":"Could not find client"}"#)
        }
        return Response.json(.ok, #"{"type":"secret","value":"\#(client.secret)"}"#)
    }

    private func delete(_ request: Request, _ context: BasicRequestContext) -> Response {
        let removed = state.withLock { state in context.parameters.get("id").flatMap { state.clients.removeValue(forKey: $0) } }
        return removed == nil ? Response.json(.notFound, #"{"error":"Could not find client"}"#) : Response(status: .noContent)
    }
}
