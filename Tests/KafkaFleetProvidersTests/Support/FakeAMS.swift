import Foundation
import Hummingbird
import Synchronization

/// An in-test AMS (OCM accounts management) serving the calls the quota adapter makes, with AMS's
/// answer shapes: organisation lists, quota costs with related resources, cluster authorizations that
/// consume quota and answer `allowed` with a subscription link, subscriptions that can be read and deleted.
final class FakeAMS: Sendable {
    struct QuotaCost: Sendable {
        var allowed: Int
        var consumed: Int
        var product = "RHOSAK"
        var billingModel: String
    }

    private struct State {
        var organisations: [String: String] = [:]
        var quotaCosts: [String: [QuotaCost]] = [:]
        var subscriptions: [String: String] = [:]
        var authorizations: [Data] = []
        var failures: [HTTPResponse.Status] = []
        var nextSubscription = 1
    }

    let token = "ams-token"
    private let state = Mutex(State())

    /// The request bodies of the cluster authorizations, in order.
    var authorizations: [[String: Any]] {
        state.withLock { $0.authorizations }.map { (try? JSONSerialization.jsonObject(with: $0)) as? [String: Any] ?? [:] }
    }
    /// The subscription ids that exist.
    var subscriptions: Set<String> { state.withLock { Set($0.subscriptions.keys) } }
    /// The quota costs of an AMS organisation.
    func quotaCosts(of orgID: String) -> [QuotaCost] { state.withLock { $0.quotaCosts[orgID] ?? [] } }

    /// Registers an organisation (external id → AMS id) with its quota costs.
    func addOrganisation(externalID: String, amsID: String, quota: [QuotaCost]) {
        state.withLock {
            $0.organisations[externalID] = amsID
            $0.quotaCosts[amsID] = quota
        }
    }

    /// Changes what every quota cost of an organisation allows.
    func setAllowed(_ allowed: Int, in orgID: String) {
        state.withLock { state in
            state.quotaCosts[orgID] = state.quotaCosts[orgID]?.map { cost in
                var changed = cost
                changed.allowed = allowed
                return changed
            }
        }
    }

    /// Makes the next requests answer these statuses, in order.
    func fail(with statuses: HTTPResponse.Status...) { state.withLock { $0.failures += statuses } }

    var application: some ApplicationProtocol {
        let router = Router()
        let api = router.group("/api/accounts_mgmt/v1")
        api.get("organizations") { request, context in try self.guarded(request) { self.organisations(request) } }
        api.get("organizations/{id}/quota_cost") { request, context in
            try self.guarded(request) { self.quotaCost(context.parameters.get("id") ?? "") }
        }
        api.post("cluster_authorizations") { request, context in
            let body = try await request.body.collect(upTo: 1 << 20)
            return try self.guarded(request) { try self.authorize(Data(body.readableBytesView)) }
        }
        api.get("subscriptions/{id}") { request, context in
            try self.guarded(request) { self.subscription(context.parameters.get("id") ?? "", delete: false) }
        }
        api.delete("subscriptions/{id}") { request, context in
            try self.guarded(request) { self.subscription(context.parameters.get("id") ?? "", delete: true) }
        }
        return Application(router: router)
    }

    private func guarded(_ request: Request, _ handler: () throws -> Response) throws -> Response {
        if let failure = state.withLock({ $0.failures.isEmpty ? nil : $0.failures.removeFirst() }) {
            return Response.json(failure, #"{"kind":"Error","reason":"injected"}"#)
        }
        guard request.headers[.authorization] == "Bearer \(token)" else {
            return Response.json(.unauthorized, #"{"kind":"Error","id":"401","reason":"Bearer token is invalid"}"#)
        }
        return try handler()
    }

    private func organisations(_ request: Request) -> Response {
        let search = request.uri.queryParameters.get("search") ?? ""
        let matches = state.withLock { $0.organisations }.filter { search == "external_id='\($0.key)'" }
        let items = matches.map { #"{"kind":"Organization","id":"\#($0.value)","external_id":"\#($0.key)"}"# }
        return Response.json(.ok, #"{"kind":"OrganizationList","page":1,"size":\#(items.count),"total":\#(items.count),"items":[\#(items.joined(separator: ","))]}"#)
    }

    private func quotaCost(_ orgID: String) -> Response {
        let items = quotaCosts(of: orgID).map { cost in
            #"{"kind":"QuotaCost","quota_id":"cluster|rhosak|\#(cost.billingModel)","allowed":\#(cost.allowed),"consumed":\#(cost.consumed),"#
                + #""related_resources":[{"resource_name":"rhosak","resource_type":"cluster.aws","product":"\#(cost.product)","billing_model":"\#(cost.billingModel)","cost":1}]}"#
        }
        return Response.json(.ok, #"{"kind":"QuotaCostList","page":1,"size":\#(items.count),"total":\#(items.count),"items":[\#(items.joined(separator: ","))]}"#)
    }

    /// Grants the reservation when some quota cost of the product and billing model has room, consuming it.
    private func authorize(_ body: Data) throws -> Response {
        let json = try JSONSerialization.jsonObject(with: body) as? [String: Any] ?? [:]
        let resource = (json["resources"] as? [[String: Any]])?.first ?? [:]
        let product = json["product_id"] as? String ?? ""
        let model = resource["billing_model"] as? String ?? ""
        let count = resource["count"] as? Int ?? 0
        let subscription: String? = state.withLock { state in
            state.authorizations.append(body)
            for (org, costs) in state.quotaCosts {
                guard let index = costs.firstIndex(where: {
                    $0.product == product && $0.billingModel == model && $0.consumed + count <= $0.allowed
                }) else { continue }
                state.quotaCosts[org]?[index].consumed += count
                let id = "sub-\(state.nextSubscription)"
                state.nextSubscription += 1
                state.subscriptions[id] = org
                return id
            }
            return nil
        }
        guard let subscription else {
            return Response.json(.ok, #"{"allowed":false,"excess_resources":[{"resource_name":"rhosak","count":\#(count)}]}"#)
        }
        return Response.json(.ok, #"{"allowed":true,"subscription":{"kind":"SubscriptionLink","id":"\#(subscription)"}}"#)
    }

    private func subscription(_ id: String, delete: Bool) -> Response {
        let org = state.withLock { delete ? $0.subscriptions.removeValue(forKey: id) : $0.subscriptions[id] }
        guard let org else { return Response.json(.notFound, #"{"kind":"Error","id":"404","reason":"Subscription not found"}"#) }
        return delete ? Response(status: .noContent) : Response.json(.ok, #"{"kind":"Subscription","id":"\#(id)","organization_id":"\#(org)"}"#)
    }
}
