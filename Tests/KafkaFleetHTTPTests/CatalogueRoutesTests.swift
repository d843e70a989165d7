import Foundation
import HTTPTypes
import HummingbirdTesting
import KafkaFleetCore
import KafkaFleetHTTP
import Testing

@Suite("Catalogue, metadata and routing")
struct CatalogueRoutesTests {
    @Test("cloud providers, regions with capacity and instance types have the reference's shape")
    func catalogue() async throws {
        let api = try await APIHarness()
        let headers = try await api.auth()
        try await api.run { client in
            let providers = try await client.execute(uri: "/api/kafkas_mgmt/v1/cloud_providers", method: .get, headers: headers).object()
            #expect(providers["kind"] as? String == "CloudProviderList" && providers["total"] as? Int == 1)
            let aws = try #require((providers["items"] as? [[String: Any]])?.first)
            #expect(aws["kind"] as? String == "CloudProvider" && aws["display_name"] as? String == "Amazon Web Services" && aws["enabled"] as? Bool == true)

            let regions = try await client.execute(uri: "/api/kafkas_mgmt/v1/cloud_providers/aws/regions", method: .get, headers: headers).object()
            let region = try #require((regions["items"] as? [[String: Any]])?.first)
            #expect(region["id"] as? String == "us-east-1" && region["enabled"] as? Bool == true)
            let capacity = try #require(region["capacity"] as? [[String: Any]])
            let standard = try #require(capacity.first { $0["instance_type"] as? String == "standard" })
            #expect(standard["available_sizes"] as? [String] == ["x1", "x2"])
            let unknown = try await client.execute(uri: "/api/kafkas_mgmt/v1/cloud_providers/gcp/regions", method: .get, headers: headers)
            let unknownItems = try unknown.object()["items"] as? [Any]
            #expect(unknown.status == .ok && unknownItems?.isEmpty == true)

            let types = try await client.execute(uri: "/api/kafkas_mgmt/v1/instance_types/aws/us-east-1", method: .get, headers: headers).object()
            let list = try #require(types["instance_types"] as? [[String: Any]])
            #expect(list.map { $0["id"] as? String } == ["developer", "standard"])
            let size = try #require((list[1]["sizes"] as? [[String: Any]])?.first)
            #expect((size["max_data_retention_size"] as? [String: Any])?["bytes"] as? Int == 1_073_741_824_000)
            try await client.execute(uri: "/api/kafkas_mgmt/v1/instance_types/gcp/us-east-1", method: .get, headers: headers)
                .expectError(.badRequest, code: 30, reason: "cloud provider 'gcp' is unsupported")
            try await client.execute(uri: "/api/kafkas_mgmt/v1/instance_types/aws/mars", method: .get, headers: headers)
                .expectError(.badRequest, code: 31, reason: "cloud region 'mars' is unsupported")
        }
    }

    @Test("the error catalogue lists the reference's 47 entries and our 5 additions, and serves each by id")
    func errors() async throws {
        let api = try await APIHarness()
        try await api.run { client in
            let list = try await client.execute(uri: "/api/kafkas_mgmt/v1/errors", method: .get).object()
            #expect(list["kind"] as? String == "ErrorList" && list["total"] as? Int == 52 && list["size"] as? Int == 52)
            #expect(((list["items"] as? [[String: Any]])?.first)?["operation_id"] == nil)
            let paged = try await client.execute(uri: "/api/kafkas_mgmt/v1/errors?page=2&size=10", method: .get).object()
            #expect(paged["size"] as? Int == 10)
            let last = try await client.execute(uri: "/api/kafkas_mgmt/v1/errors?page=6&size=10", method: .get).object()
            #expect(last["size"] as? Int == 52)
            try await client.execute(uri: "/api/kafkas_mgmt/v1/errors/36", method: .get)
                .expectError(.ok, code: 36, reason: "Kafka cluster name is already used")
            try await client.execute(uri: "/api/kafkas_mgmt/v1/errors/abc", method: .get)
                .expectError(.notFound, code: 7, reason: "no error with id abc exists")
        }
    }

    @Test("version metadata, the API root and the SSO provider have the reference's fields")
    func metadata() async throws {
        let api = try await APIHarness()
        try await api.run { client in
            let version = try await client.execute(uri: "/api/kafkas_mgmt/v1", method: .get).object()
            #expect(version["id"] as? String == "v1" && version["kind"] as? String == "APIVersion" && version["href"] as? String == "/api/kafkas_mgmt/v1")
            #expect((version["collections"] as? [[String: Any]])?.first?["kind"] as? String == "KafkaList")
            let root = try await client.execute(uri: "/api/kafkas_mgmt", method: .get).object()
            #expect(root["kind"] as? String == "API")
            #expect((root["versions"] as? [[String: Any]])?.first?["collections"] is NSNull)
            let sso = try await client.execute(uri: "/api/kafkas_mgmt/v1/sso_providers", method: .get).object()
            #expect(sso["id"] as? String == "" && sso["kind"] as? String == "" && sso["name"] as? String == "redhat_sso")
        }
    }

    @Test("an unknown path is 404 7 without an operation id, a known path with another method 405 10")
    func unmatched() async throws {
        let api = try await APIHarness()
        let headers = try await api.auth()
        try await api.run { client in
            let missing = try await client.execute(uri: "/api/kafkas_mgmt/v1/nothing", method: .get, headers: headers)
            try missing.expectError(.notFound, code: 7, reason: "the requested resource '/api/kafkas_mgmt/v1/nothing' doesn't exist")
            #expect(try missing.object()["operation_id"] == nil && missing.headers[.operationID] == nil)
            try await client.execute(uri: "/api/kafkas_mgmt/v1/nothing", method: .get).expectError(.unauthorized, code: 15)
            try await client.execute(uri: "/api/kafkas_mgmt/v1/kafkas", method: .put, headers: headers)
                .expectError(.methodNotAllowed, code: 10, reason: "method: PUT is not allowed or not yet implemented for /api/kafkas_mgmt/v1/kafkas")
            try await client.execute(uri: "/api/kafkas_mgmt/v1/errors", method: .post).expectError(.methodNotAllowed, code: 10)
        }
    }

    @Test("the OpenAPI document is served as JSON and the docs page as HTML without external assets")
    func openAPI() async throws {
        let api = try await APIHarness()
        try await api.run { client in
            let spec = try await client.execute(uri: "/api/kafkas_mgmt/v1/openapi", method: .get)
            #expect(spec.headers[.contentType] == "application/json")
            let object = try spec.object()
            #expect(object["openapi"] as? String == "3.0.0")
            #expect((object["paths"] as? [String: Any])?["/api/kafkas_mgmt/v1/kafkas"] != nil)
            let docs = try await client.execute(uri: "/api/kafkas_mgmt/v1/docs", method: .get)
            let html = String(buffer: docs.body)
            #expect(docs.headers[.contentType] == "text/html; charset=utf-8")
            #expect(html.contains("/api/kafkas_mgmt/v1/kafkas/{id}") && html.contains("KafkaRequestPayload"))
            #expect(!html.contains("<script") && !html.contains("https://cdn"))
        }
    }

    @Test("the agent and admin documents are served as JSON next to the public one, each describing its own routes")
    func privateDocuments() async throws {
        let api = try await APIHarness()
        try await api.run { client in
            for (path, title, example) in [
                ("/api/kafkas_mgmt/v1/openapi/agent", "KafkaFleet Data-Plane Agent API", "/api/kafkas_mgmt/v1/agent-clusters/{id}/kafkas"),
                ("/api/kafkas_mgmt/v1/openapi/admin", "KafkaFleet Admin API", "/api/kafkas_mgmt/v1/admin/kafkas/{id}"),
            ] {
                let spec = try await client.execute(uri: path, method: .get)
                #expect(spec.status == .ok && spec.headers[.contentType] == "application/json", "\(path)")
                let object = try spec.object()
                #expect(object["openapi"] as? String == "3.0.0")
                #expect((object["info"] as? [String: Any])?["title"] as? String == title)
                #expect((object["paths"] as? [String: Any])?[example] != nil, "\(path)")
            }
        }
    }

    @Test("every route is in its surface's spec and every operation of each spec is routed")
    func routesMatchSpec() async throws {
        let api = try await APIHarness()
        // Served beside the specs, as the reference does: the API root, the documents themselves and the HTML page.
        let unspecified = Set(["GET /api/kafkas_mgmt", "GET /api/kafkas_mgmt/v1/openapi", "GET /api/kafkas_mgmt/v1/openapi/agent",
                               "GET /api/kafkas_mgmt/v1/openapi/admin", "GET /api/kafkas_mgmt/v1/docs"].map(Self.shape))
        func surface(of template: String) -> OpenAPIDocument.Surface {
            if template.contains("/agent-clusters") { return .agent }
            return template.contains("/v1/admin/") ? .admin : .public
        }
        let routed = api.fleetRouter.routes.map { (surface(of: $0.template.description), "\($0.method.rawValue) \($0.template.shape)") }
        for documentSurface in OpenAPIDocument.Surface.allCases {
            let document = try OpenAPIDocument.bundled(documentSurface)
            let specified = Set(document.operations.map { "\($0.method) \(RouteTemplate($0.path).shape)" })
            let served = Set(routed.filter { $0.0 == documentSurface }.map(\.1)).subtracting(unspecified)
            #expect(served == specified, "\(documentSurface)")
            #expect(!specified.isEmpty)
        }
    }

    private static func shape(_ entry: String) -> String {
        let parts = entry.split(separator: " ")
        return "\(parts[0]) \(RouteTemplate(String(parts[1])).shape)"
    }
}
