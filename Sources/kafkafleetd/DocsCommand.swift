import ArgumentParser
import Hummingbird
import KafkaFleetHTTP
import Logging

/// `kafkafleetd docs`: serves the OpenAPI documents and the public one's HTML page, nothing else (the reference's
/// `make run/docs`).
struct DocsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "docs", abstract: "Serve the OpenAPI documents (/api/kafkas_mgmt/v1/openapi, …/openapi/agent, …/openapi/admin) and the docs page (/api/kafkas_mgmt/v1/docs)."
    )

    @Option(help: "Address to listen on (host:port).") var bind: String = "127.0.0.1:8082"

    func validate() throws {
        guard BindAddress(bind) != nil else { throw ValidationError("--bind must be host:port") }
    }

    func run() async throws {
        guard let address = BindAddress(bind) else { return }
        let router = Router(context: FleetRequestContext.self)
        DocsAPI(document: try OpenAPIDocument.bundled()).addRoutes(to: router)
        try PrivateDocumentsAPI.bundled().addRoutes(to: router)
        let app = Application(router: router, configuration: .init(address: .hostname(address.host, port: address.port)),
                              logger: Logger(label: "kafkafleetd.docs"))
        print("serving the API docs on http://\(address)/api/kafkas_mgmt/v1/docs")
        try await app.runService()
    }
}
