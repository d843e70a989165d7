import Hummingbird
import KafkaFleetCore

/// The handlers of the routes that need no token: API and version metadata, the OpenAPI document and its
/// page, the error catalogue and the SSO provider.
struct MetadataHandlers: Sendable {
    let document: OpenAPIDocument
    let configuration: PublicAPIConfiguration

    /// `GET /api/kafkas_mgmt`: the API and its one version.
    @Sendable func apiRoot(_ request: Request, context: FleetRequestContext) throws -> Response {
        let version = APIVersionJSON(href: APIPaths.v1, serverVersion: configuration.serverVersion, collections: nil)
        return try WireJSON.response(APIRootJSON(href: request.uri.path, versions: [version]))
    }

    /// `GET /api/kafkas_mgmt/v1`: the version and its collections (with the reference's collection kinds).
    @Sendable func versionMetadata(_ request: Request, context: FleetRequestContext) throws -> Response {
        let collections = [("kafkas", "KafkaList"), ("service_accounts", "ServiceAccountList"),
                           ("cloud_providers", "CloudProviderList"), ("clusters", "EnterpriseClusterList")]
            .map { ObjectReferenceJSON(id: $0.0, kind: $0.1, href: "\(APIPaths.v1)/\($0.0)") }
        return try WireJSON.response(VersionMetadataJSON(href: request.uri.path, serverVersion: configuration.serverVersion,
                                                         collections: collections))
    }

    /// `GET /openapi`: the spec as JSON.
    @Sendable func openAPI(_ request: Request, context: FleetRequestContext) -> Response {
        document.jsonResponse
    }

    /// `GET /docs`: the spec as a self-contained HTML page.
    @Sendable func docs(_ request: Request, context: FleetRequestContext) -> Response {
        Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8"],
                 body: ResponseBody(byteBuffer: ByteBuffer(string: document.html)))
    }

    /// `GET /errors`: the catalogue, with the reference's paging quirk (a last partial page returns everything).
    @Sendable func errors(_ request: Request, context: FleetRequestContext) throws -> Response {
        let query = QueryString(request.uri.query)
        let all = ErrorCatalogue.all.map { ErrorObject(code: $0.code, reason: $0.defaultReason) }
        let page = query["page"].flatMap { Int($0) } ?? 1
        let size = query["size"].flatMap { Int($0) } ?? 100
        let items = Self.window(page: page, size: size, count: all.count).map { Array(all[$0]) } ?? all
        return try WireJSON.response(ListEnvelope(kind: "ErrorList", page: page, size: items.count, total: all.count, items: items))
    }

    /// The indices of page `page` of `size` items out of `count`, or `nil` when the page is not a whole page inside
    /// the list (page or size below 1, past the end, the last partial page, or too large to compute), which the
    /// reference answers with every item.
    static func window(page: Int, size: Int, count: Int) -> Range<Int>? {
        guard page >= 1, size >= 1 else { return nil }
        let (start, startOverflow) = (page - 1).multipliedReportingOverflow(by: size)
        guard !startOverflow, start < count else { return nil }
        let (end, endOverflow) = start.addingReportingOverflow(size)
        guard !endOverflow, end < count else { return nil }
        return start..<end
    }

    /// `GET /errors/{id}`: one catalogue entry.
    @Sendable func error(_ request: Request, context: FleetRequestContext) throws -> Response {
        let id = try context.parameters.require("id")
        guard let number = Int(id), let code = FleetError.Code(rawValue: number) else {
            throw FleetError(.notFound, "no error with id \(id) exists")
        }
        return try WireJSON.response(ErrorObject(code: code, reason: ErrorCatalogue.entry(for: code).defaultReason))
    }

    /// `GET /sso_providers`: where tokens come from.
    @Sendable func ssoProviders(_ request: Request, context: FleetRequestContext) throws -> Response {
        let provider = configuration.ssoProvider
        func nonEmpty(_ text: String) -> String? { text.isEmpty ? nil : text }
        return try WireJSON.response(SSOProviderJSON(
            name: nonEmpty(provider.name), baseURL: nonEmpty(provider.baseURL), tokenURL: nonEmpty(provider.tokenURL),
            jwks: nonEmpty(provider.jwks), validIssuer: nonEmpty(provider.validIssuer)))
    }
}
