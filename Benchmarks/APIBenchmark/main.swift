// Measures the public API over real sockets: GET one kafka and a searched list over a store of 100,000 kafkas,
// beside a bare Hummingbird handler on the same machine in the same run (the limit). The load generator is an
// AsyncHTTPClient pool in this process, so client and server share the machine's cores; numbers compare, they
// do not promise. Every server runs for the whole measurement and the requests take turns in short rounds, so a
// slower or faster spell of a shared machine falls on every row alike instead of on whichever ran then.
//
//     swift build -c release --product APIBenchmark && .build/release/APIBenchmark [rows] [seconds] [concurrency] [rounds]
//     KAFKAFLEET_BENCH_DATABASE_URL=postgres://… .build/release/APIBenchmark   # PostgreSQL as well
import AsyncHTTPClient
import Foundation
import Hummingbird
import KafkaFleetCore
import KafkaFleetHTTP
import KafkaFleetStore
import KafkaFleetLocal
import Logging
import NIOCore
import ServiceLifecycle

let arguments = CommandLine.arguments.dropFirst().compactMap(Int.init)
let rows = arguments.first ?? 100_000
let seconds = arguments.dropFirst().first ?? 10
let concurrency = arguments.dropFirst(2).first ?? 16
let rounds = max(1, arguments.dropFirst(3).first ?? 10)
let logger = Logger(label: "api-bench")
let organisation = "bench-org"

/// Latencies of the requests of one row of the table, over all rounds.
struct Result {
    var latencies: [Duration] = []
    var elapsed: Duration = .zero
    var errors = 0

    mutating func add(_ other: Result) {
        latencies += other.latencies
        elapsed += other.elapsed
        errors += other.errors
    }

    func percentile(_ p: Double) -> Double {
        let sorted = latencies.sorted()
        guard !sorted.isEmpty else { return 0 }
        let value = sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))]
        return Double(value.components.seconds) * 1000 + Double(value.components.attoseconds) / 1e15
    }

    var rate: Double { Double(latencies.count) / (Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18) }
}

/// The load generator's configuration: like a browser's, but without `Accept-Encoding`, so the server does no gzip
/// and the client no gunzip, and every request costs what the bare handler's does outside the code under test.
let clientConfiguration = {
    var configuration = HTTPClient.Configuration.singletonConfiguration
    configuration.decompression = .disabled
    return configuration
}()

/// Sends GETs to `url` from `concurrency` loops for `duration`, on connections of their own: which event loop
/// threads a run's connections land on changes its rate by a tenth or more, so every slice draws anew.
func load(_ url: String, token: String?, for duration: Duration) async throws -> Result {
    let client = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: clientConfiguration)
    let clock = ContinuousClock()
    let start = clock.now
    let end = start + duration
    let results = await withTaskGroup(of: ([Duration], Int).self) { group in
        for _ in 0..<concurrency {
            group.addTask {
                var latencies: [Duration] = []
                var errors = 0
                while clock.now < end {
                    var request = HTTPClientRequest(url: url)
                    if let token { request.headers.add(name: "Authorization", value: "Bearer \(token)") }
                    let began = clock.now
                    do {
                        let response = try await client.execute(request, timeout: .seconds(10))
                        _ = try await response.body.collect(upTo: 16 << 20)
                        if response.status.code == 200 {
                            latencies.append(clock.now - began)
                        } else {
                            errors += 1
                            FileHandle.standardError.write(Data("request failed: HTTP \(response.status.code)\n".utf8))
                        }
                    } catch {
                        errors += 1
                        FileHandle.standardError.write(Data("request failed: \(error)\n".utf8))
                    }
                }
                return (latencies, errors)
            }
        }
        var all: [Duration] = []
        var errors = 0
        for await (latencies, failed) in group {
            all += latencies
            errors += failed
        }
        return (all, errors)
    }
    let elapsed = clock.now - start
    try await client.shutdown()
    return Result(latencies: results.0, elapsed: elapsed, errors: results.1)
}

/// Starts the application `make` builds (handing it the callback that reports its port) and returns its port; the
/// caller cancels `group` to stop it.
func start<App: ApplicationProtocol>(_ group: inout ThrowingTaskGroup<Void, any Error>,
                                     _ make: (@escaping @Sendable (any Channel) async -> Void) -> App) async throws -> Int {
    let (ports, continuation) = AsyncStream<Int>.makeStream()
    let app = make { continuation.yield($0.localAddress?.port ?? 0) }
    group.addTask { try await app.runService() }
    var iterator = ports.makeAsyncIterator()
    return await iterator.next() ?? 0
}

/// The configuration of every benchmark server: an ephemeral loopback port.
let serverConfiguration = ApplicationConfiguration(address: .hostname("127.0.0.1", port: 0))

/// Fills `store` with `rows` ready kafkas of one organisation and returns the id of the one in the middle.
func seed(_ store: any FleetStore) async throws -> String {
    let now = Date()
    var sample = ""
    for index in 0..<rows {
        var kafka = KafkaRequest(id: ResourceID.make(now: now.addingTimeInterval(Double(index) / 1000)), name: "kafka-\(index)",
                                 owner: "owner-\(index % 1000)", organisationID: organisation, cloudProvider: "aws",
                                 region: ["us-east-1", "eu-west-1"][index % 2], instanceType: "standard", sizeID: "x1", multiAZ: true,
                                 maxDataRetentionSize: "1000Gi", now: now)
        kafka.status = .ready
        _ = try await store.createKafka(kafka, limits: [])
        if index == rows / 2 { sample = kafka.id }
    }
    return sample
}

/// One row of the table: a URL to load, with the token it needs.
struct Case {
    var engine: String
    var request: String
    var url: String
    var token: String?
}

/// The signing key of the benchmark's tokens, in a directory removed at exit.
let keyDirectory = FileManager.default.temporaryDirectory.appendingPathComponent("kafkafleet-api-bench-\(UUID().uuidString)").path
defer { try? FileManager.default.removeItem(atPath: keyDirectory) }
let key = try DevelopmentSigningKey.loadOrCreate(in: keyDirectory)
let token = try await key.mint(orgID: organisation, username: "owner-1", ttl: .seconds(3600))

/// Starts the public API over `store` and returns the rows that load it.
func startAPI(_ group: inout ThrowingTaskGroup<Void, any Error>, engine: String, store: any FleetStore) async throws -> [Case] {
    let sample = try await seed(store)
    let authenticator = Authenticator(verifier: TokenVerifier(source: FileJWKSSource(path: key.jwksPath)), policy: AccessPolicy())
    // The daemon's server: its limits middleware on the router and its HTTP/1.1 channel with the default limits.
    let limits = HTTPServerLimits()
    let fleetRouter = FleetRouter(authenticator: authenticator, limits: limits)
    PublicAPI(service: KafkaService(store: store, quota: AllowAllQuotaService()), authenticator: authenticator,
              document: try OpenAPIDocument.bundled()).addRoutes(to: fleetRouter.router)
    let port = try await start(&group) {
        Application(router: fleetRouter, server: .fleetHTTP1(limits: limits), configuration: serverConfiguration, onServerRunning: $0,
                    logger: Logger(label: "bench-server"))
    }
    let base = "http://127.0.0.1:\(port)/api/kafkas_mgmt/v1"
    let search = "name%20like%20kafka-4242%25%20and%20region%20%3D%20us-east-1"
    return [
        Case(engine: engine, request: "GET one kafka (\(rows) rows)", url: "\(base)/kafkas/\(sample)", token: token),
        Case(engine: engine, request: "searched list (\(rows) rows)", url: "\(base)/kafkas?search=\(search)&size=100", token: token),
    ]
}

/// Starts the limit: a Hummingbird handler that answers a fixed small JSON.
func startBareHandler(_ group: inout ThrowingTaskGroup<Void, any Error>) async throws -> Case {
    let router = Router()
    router.get("bare") { _, _ in
        Response(status: .ok, headers: [.contentType: "application/json"], body: ResponseBody(byteBuffer: ByteBuffer(string: #"{"id":"bare","kind":"Kafka"}"#)))
    }
    let port = try await start(&group) {
        Application(router: router, configuration: serverConfiguration, onServerRunning: $0, logger: Logger(label: "bench-server"))
    }
    return Case(engine: "none", request: "bare Hummingbird handler", url: "http://127.0.0.1:\(port)/bare", token: nil)
}

let sqlitePath = FileManager.default.temporaryDirectory.appendingPathComponent("kafkafleet-api-bench-\(UUID().uuidString).sqlite").path
let sqlite = try await SQLFleetStore.sqlite(path: sqlitePath, logger: logger)
try await sqlite.migrate()
let postgres = try ProcessInfo.processInfo.environment["KAFKAFLEET_BENCH_DATABASE_URL"].map {
    try SQLFleetStore.postgres(url: $0, schema: "api_bench_\(UUID().uuidString.prefix(8).lowercased())", logger: logger)
}

/// Starts every server, loads each row in turn for `rounds` rounds and prints the table. The in-memory store's row
/// is the API's own cost (routing, authentication, the service, JSON) without a database.
func measure(sqlite: SQLFleetStore, postgres: SQLFleetStore?) async throws {
    try await withThrowingTaskGroup(of: Void.self) { group in
        if let postgres { group.addTask { try await postgres.run() } }
        var cases = [try await startBareHandler(&group)]
        cases += try await startAPI(&group, engine: "in-memory store", store: InMemoryFleetStore()).prefix(1)
        cases += try await startAPI(&group, engine: "SQLite", store: sqlite)
        if let postgres {
            try await postgres.migrate()
            cases += try await startAPI(&group, engine: "PostgreSQL", store: postgres)
        }
        var results = Array(repeating: Result(), count: cases.count)
        let slice = Duration.seconds(seconds) / rounds
        for _ in 0..<rounds {
            for (index, measured) in cases.enumerated() {
                results[index].add(try await load(measured.url, token: measured.token, for: slice))
            }
        }
        print("| engine | request | rate | share of bare | p50 | p99 | errors |")
        print("| --- | --- | --- | --- | --- | --- | --- |")
        for (measured, result) in zip(cases, results) {
            print(String(format: "| %@ | %@ | %.0f req/s | %.0f%% | %.2f ms | %.2f ms | %d |", measured.engine, measured.request,
                         result.rate, 100 * result.rate / results[0].rate, result.percentile(0.5), result.percentile(0.99), result.errors))
        }
        group.cancelAll()
    }
}

try await measure(sqlite: sqlite, postgres: postgres)
await sqlite.close()
for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: sqlitePath + suffix) }
