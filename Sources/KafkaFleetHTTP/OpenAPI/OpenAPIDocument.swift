import Foundation
import Hummingbird
import Yams

/// One of KafkaFleet's OpenAPI documents (the public, agent or admin API), read once from YAML and kept as the
/// JSON its `openapi` route serves, the HTML page `GET /docs` serves, and the list of its operations (for tests that
/// compare routes).
public struct OpenAPIDocument: Sendable {
    /// The API surfaces that have a document of their own, each named for its resource file.
    public enum Surface: String, Sendable, CaseIterable {
        /// The public API (`openapi.yaml`).
        case `public` = "openapi"
        /// The data-plane agent API (`openapi-agent.yaml`).
        case agent = "openapi-agent"
        /// The admin API (`openapi-admin.yaml`).
        case admin = "openapi-admin"
    }

    /// One operation of the spec.
    public struct Operation: Sendable, Hashable {
        /// The method, upper case.
        public var method: String
        /// The path template.
        public var path: String
        /// The one-line summary.
        public var summary: String
    }

    /// The document as JSON text.
    public let json: String
    /// The document rendered as a self-contained HTML page.
    public let html: String
    /// Every operation, in document order.
    public let operations: [Operation]

    /// The document of `surface` shipped with this module (the public API's by default).
    public static func bundled(_ surface: Surface = .public) throws -> OpenAPIDocument {
        guard let url = Bundle.module.url(forResource: surface.rawValue, withExtension: "yaml") else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "\(surface.rawValue).yaml"])
        }
        return try OpenAPIDocument(yaml: String(contentsOf: url, encoding: .utf8))
    }

    /// A document from its YAML text.
    public init(yaml: String) throws {
        guard let root = try Yams.compose(yaml: yaml) else { throw YamlError.dataCouldNotBeDecoded(encoding: .utf8) }
        json = try YAMLToJSON.json(of: root)
        var operations: [Operation] = []
        for (path, item) in root["paths"]?.mapping ?? [:] {
            for (method, operation) in item.mapping ?? [:] {
                guard let name = method.string, Self.methods.contains(name) else { continue }
                operations.append(Operation(method: name.uppercased(), path: path.string ?? "",
                                            summary: operation["summary"]?.string ?? ""))
            }
        }
        self.operations = operations
        html = DocsPage.render(root)
    }

    static let methods: Set<String> = ["get", "put", "post", "delete", "patch", "head", "options"]
}

extension OpenAPIDocument {
    /// The document as the answer to a `GET` of it: JSON, as the reference serves its own.
    var jsonResponse: Response {
        Response(status: .ok, headers: WireJSON.jsonHeaders, body: ResponseBody(byteBuffer: ByteBuffer(string: json)))
    }
}
