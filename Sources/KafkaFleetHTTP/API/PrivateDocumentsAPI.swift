public import Hummingbird

/// The OpenAPI documents of the private agent and admin APIs, served as JSON without a token beside the public
/// one (`…/v1/openapi/agent`, `…/v1/openapi/admin`), so that tools such as API fuzzers and client generators can
/// read them from a running daemon. The reference ships these documents in its repository but serves none of them;
/// the paths sit under the public document's, where they shadow no route of the reference.
public struct PrivateDocumentsAPI: Sendable {
    private let agent: OpenAPIDocument
    private let admin: OpenAPIDocument

    /// Serves `agent` and `admin`.
    public init(agent: OpenAPIDocument, admin: OpenAPIDocument) {
        self.agent = agent
        self.admin = admin
    }

    /// The documents shipped with this module.
    public static func bundled() throws -> PrivateDocumentsAPI {
        PrivateDocumentsAPI(agent: try .bundled(.agent), admin: try .bundled(.admin))
    }

    /// Adds `GET …/openapi/agent` and `GET …/openapi/admin` to `router`.
    public func addRoutes(to router: Router<FleetRequestContext>) {
        let agent = agent, admin = admin
        router.get(RouterPath(APIPaths.agentOpenAPI)) { _, _ in agent.jsonResponse }
        router.get(RouterPath(APIPaths.adminOpenAPI)) { _, _ in admin.jsonResponse }
    }
}
