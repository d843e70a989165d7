// Serves KafkaFleet's public API from a program of its own, on an in-memory store with one ready cluster, then
// talks to it over loopback like any client: mints a development token, creates a kafka, lists the kafkas, and
// shuts the server down gracefully.
import AsyncHTTPClient
import Foundation
import Hummingbird
import KafkaFleetCore
import KafkaFleetHTTP
import KafkaFleetLocal
import Logging
import NIOCore
import ServiceLifecycle

let store = InMemoryFleetStore()
_ = try await store.createCluster(DataPlaneCluster(
    id: ResourceID.make(), clusterID: "example-cluster", status: .ready, providerType: .standalone, cloudProvider: "aws",
    region: "us-east-1", multiAZ: true, clusterDNS: "apps.example.com", now: Date()))
let keyDirectory = FileManager.default.temporaryDirectory.appendingPathComponent("kafkafleet-example-\(UUID().uuidString)").path
let key = try DevelopmentSigningKey.loadOrCreate(in: keyDirectory)
let authenticator = Authenticator(verifier: TokenVerifier(source: FileJWKSSource(path: key.jwksPath)), policy: AccessPolicy())
let fleetRouter = FleetRouter(authenticator: authenticator)
PublicAPI(service: KafkaService(store: store, quota: AllowAllQuotaService()), authenticator: authenticator,
          document: try OpenAPIDocument.bundled()).addRoutes(to: fleetRouter.router)

let (ports, portContinuation) = AsyncStream<Int>.makeStream()
let app = Application(router: fleetRouter, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
                      onServerRunning: { portContinuation.yield($0.localAddress?.port ?? 0) },
                      logger: Logger(label: "example"))
let group = ServiceGroup(services: [app], logger: Logger(label: "example"))

try await withThrowingTaskGroup(of: Void.self) { tasks in
    tasks.addTask { try await group.run() }
    var iterator = ports.makeAsyncIterator()
    guard let port = await iterator.next() else { return }
    let base = "http://127.0.0.1:\(port)/api/kafkas_mgmt/v1"
    let token = try await key.mint(orgID: "example-org", username: "alice")

    func call(_ method: String, _ path: String, body: String? = nil) async throws -> String {
        var request = HTTPClientRequest(url: base + path)
        request.method = .init(rawValue: method)
        request.headers.add(name: "Authorization", value: "Bearer \(token)")
        if let body { request.body = .bytes(ByteBuffer(string: body)) }
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(10))
        let text = String(buffer: try await response.body.collect(upTo: 1 << 20))
        print("\(method) \(path) -> \(response.status.code)")
        return text
    }

    print(try await call("POST", "/kafkas?async=true", body: #"{"name":"example"}"#))
    print(try await call("GET", "/kafkas?search=name%20%3D%20example"))
    await group.triggerGracefulShutdown()
    try await tasks.waitForAll()
}
try? FileManager.default.removeItem(atPath: keyDirectory)
