import Foundation
import Hummingbird
import Synchronization

/// An in-test OpenShift Cluster Manager serving the clusters API the cluster adapter uses, with OCM's
/// answer shapes: 201 with the cluster on create, lists with `items`, 404 for an unknown cluster, 204 on
/// delete, addon installations with a `state`, 409 for an addon installed twice.
final class FakeOCM: Sendable {
    struct Cluster: Sendable {
        var id: String
        var name: String
        var state = "pending"
        var errorMessage = ""
        var ingressDNS: String?
        var baseDomain = "x1y2.p1.openshiftapps.com"
        /// The creation request body.
        var request: Data
        /// Addon installations by addon id: state and parameters.
        var addons: [String: (state: String, parameters: [String: String])] = [:]
        var deleteRequests = 0
    }

    private struct State {
        var clusters: [String: Cluster] = [:]
        var creations = 0
        var parameterUpdates = 0
        var nextID = 1
    }

    let token = "ocm-token"
    private let state = Mutex(State())

    /// The clusters by id.
    var clusters: [String: Cluster] { state.withLock { $0.clusters } }
    /// How many clusters were created.
    var creations: Int { state.withLock { $0.creations } }
    /// How many times addon parameters were updated.
    var parameterUpdates: Int { state.withLock { $0.parameterUpdates } }

    /// Changes a cluster as OCM would while it works.
    func update(_ id: String, _ change: (inout Cluster) -> Void) {
        state.withLock { state in
            if var cluster = state.clusters[id] {
                change(&cluster)
                state.clusters[id] = cluster
            }
        }
    }

    /// Removes a cluster, as OCM does when a deletion completes.
    func finishDeletion(_ id: String) { _ = state.withLock { $0.clusters.removeValue(forKey: id) } }

    var application: some ApplicationProtocol {
        let router = Router()
        let api = router.group("/api/clusters_mgmt/v1/clusters")
        api.get("") { request, _ in try self.guarded(request) { self.list(request) } }
        api.post("") { request, _ in
            let body = Data(try await request.body.collect(upTo: 1 << 20).readableBytesView)
            return try self.guarded(request) { try self.create(body) }
        }
        api.get("{id}") { request, context in try self.guarded(request) { self.get(context.parameters.get("id") ?? "") } }
        api.delete("{id}") { request, context in try self.guarded(request) { self.delete(context.parameters.get("id") ?? "") } }
        api.get("{id}/ingresses") { request, context in
            try self.guarded(request) { self.ingresses(context.parameters.get("id") ?? "") }
        }
        api.get("{id}/addons") { request, context in try self.guarded(request) { self.addons(context.parameters.get("id") ?? "") } }
        api.post("{id}/addons") { request, context in
            let body = Data(try await request.body.collect(upTo: 1 << 20).readableBytesView)
            return try self.guarded(request) { try self.install(context.parameters.get("id") ?? "", body) }
        }
        api.patch("{id}/addons/{addon}") { request, context in
            let body = Data(try await request.body.collect(upTo: 1 << 20).readableBytesView)
            return try self.guarded(request) {
                try self.updateParameters(context.parameters.get("id") ?? "", context.parameters.get("addon") ?? "", body)
            }
        }
        return Application(router: router)
    }

    private func guarded(_ request: Request, _ handler: () throws -> Response) throws -> Response {
        guard request.headers[.authorization] == "Bearer \(token)" else {
            return Response.json(.unauthorized, #"{"kind":"Error","id":"401","reason":"Invalid token"}"#)
        }
        return try handler()
    }

    private static func clusterJSON(_ cluster: Cluster) -> String {
        #"{"kind":"Cluster","id":"\#(cluster.id)","external_id":"ext-\#(cluster.id)","name":"\#(cluster.name)","state":"\#(cluster.state)","#
            + #""status":{"state":"\#(cluster.state)","provision_error_message":"\#(cluster.errorMessage)"},"dns":{"base_domain":"\#(cluster.baseDomain)"}}"#
    }

    private func list(_ request: Request) -> Response {
        let search = request.uri.queryParameters.get("search") ?? ""
        let items = state.withLock { $0.clusters.values }.filter { search == "name = '\($0.name)'" }.map(Self.clusterJSON)
        return Response.json(.ok, #"{"kind":"ClusterList","page":1,"size":\#(items.count),"total":\#(items.count),"items":[\#(items.joined(separator: ","))]}"#)
    }

    private func create(_ body: Data) throws -> Response {
        let json = try JSONSerialization.jsonObject(with: body) as? [String: Any] ?? [:]
        let name = json["name"] as? String ?? ""
        let cluster: Cluster = state.withLock { state in
            let cluster = Cluster(id: "ocm-\(state.nextID)", name: name, request: body)
            state.nextID += 1
            state.creations += 1
            state.clusters[cluster.id] = cluster
            return cluster
        }
        return Response.json(.created, Self.clusterJSON(cluster))
    }

    private func get(_ id: String) -> Response {
        guard let cluster = state.withLock({ $0.clusters[id] }) else { return Self.notFound(id) }
        return Response.json(.ok, Self.clusterJSON(cluster))
    }

    private func delete(_ id: String) -> Response {
        let found = state.withLock { state -> Bool in
            guard state.clusters[id] != nil else { return false }
            state.clusters[id]?.deleteRequests += 1
            state.clusters[id]?.state = "uninstalling"
            return true
        }
        return found ? Response(status: .noContent) : Self.notFound(id)
    }

    private func ingresses(_ id: String) -> Response {
        guard let cluster = state.withLock({ $0.clusters[id] }) else { return Self.notFound(id) }
        let items = cluster.ingressDNS.map { [#"{"kind":"Ingress","id":"i1","dns_name":"\#($0)","default":true,"listening":"external"}"#] } ?? []
        return Response.json(.ok, #"{"kind":"IngressList","page":1,"size":\#(items.count),"total":\#(items.count),"items":[\#(items.joined(separator: ","))]}"#)
    }

    private func addons(_ id: String) -> Response {
        guard let cluster = state.withLock({ $0.clusters[id] }) else { return Self.notFound(id) }
        let items = cluster.addons.map { addonID, installation in
            let parameters = installation.parameters.map { #"{"id":"\#($0.key)","value":"\#($0.value)"}"# }
            return #"{"kind":"AddOnInstallation","id":"\#(addonID)","addon":{"kind":"AddOnLink","id":"\#(addonID)"},"#
                + #""state":"\#(installation.state)","parameters":{"items":[\#(parameters.joined(separator: ","))]}}"#
        }
        return Response.json(.ok, #"{"kind":"AddOnInstallationList","page":1,"size":\#(items.count),"total":\#(items.count),"items":[\#(items.joined(separator: ","))]}"#)
    }

    private static func parameters(_ json: [String: Any]) -> [String: String] {
        let items = (json["parameters"] as? [String: Any])?["items"] as? [[String: String]] ?? []
        return Dictionary(items.compactMap { item in item["id"].map { ($0, item["value"] ?? "") } }, uniquingKeysWith: { $1 })
    }

    private func install(_ id: String, _ body: Data) throws -> Response {
        let json = try JSONSerialization.jsonObject(with: body) as? [String: Any] ?? [:]
        let addonID = (json["addon"] as? [String: Any])?["id"] as? String ?? ""
        let parameters = Self.parameters(json)
        let answer: HTTPResponse.Status = state.withLock { state in
            guard state.clusters[id] != nil else { return .notFound }
            guard state.clusters[id]?.addons[addonID] == nil else { return .conflict }
            state.clusters[id]?.addons[addonID] = ("installing", parameters)
            return .created
        }
        return Response.json(answer, #"{"kind":"AddOnInstallation","id":"\#(addonID)","state":"installing"}"#)
    }

    private func updateParameters(_ id: String, _ addonID: String, _ body: Data) throws -> Response {
        let parameters = Self.parameters(try JSONSerialization.jsonObject(with: body) as? [String: Any] ?? [:])
        let found = state.withLock { state -> Bool in
            guard state.clusters[id]?.addons[addonID] != nil else { return false }
            state.clusters[id]?.addons[addonID]?.parameters = parameters
            state.parameterUpdates += 1
            return true
        }
        return found ? Response.json(.ok, #"{"kind":"AddOnInstallation","id":"\#(addonID)"}"#) : Self.notFound(id)
    }

    private static func notFound(_ id: String) -> Response {
        Response.json(.notFound, #"{"kind":"Error","id":"404","code":"CLUSTERS-MGMT-404","reason":"Cluster '\#(id)' not found"}"#)
    }
}
