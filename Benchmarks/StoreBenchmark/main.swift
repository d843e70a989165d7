// Measures the SQL store against the raw drivers on the same database:
// create, get by id, conditional status update and a filtered list page, at several table sizes.
//
// Usage: StoreBenchmark [--rows 10000,100000] [--ops 500] [--postgres URL]
// The PostgreSQL part runs when --postgres (or KAFKAFLEET_BENCH_DATABASE_URL) names a database.
import Foundation
import KafkaFleetCore
import KafkaFleetStore
import Logging
import PostgresKit
import SQLiteKit

/// The command line.
struct Options {
    var rows: [Int] = [10_000, 100_000]
    var ops = 500
    var postgresURL = ProcessInfo.processInfo.environment["KAFKAFLEET_BENCH_DATABASE_URL"]

    init(_ arguments: [String]) {
        var iterator = arguments.dropFirst().makeIterator()
        while let argument = iterator.next() {
            switch argument {
            case "--rows": rows = (iterator.next() ?? "").split(separator: ",").compactMap { Int($0) }
            case "--ops": ops = Int(iterator.next() ?? "") ?? ops
            case "--postgres": postgresURL = iterator.next()
            default: FileHandle.standardError.write(Data("unknown argument \(argument)\n".utf8)); exit(2)
            }
        }
    }
}

/// One measured operation: mean and 99th percentile per call.
struct Measurement {
    let name: String
    let mean: Duration
    let p99: Duration

    static func of(_ name: String, ops: Int, _ body: (Int) async throws -> Void) async throws -> Measurement {
        var samples: [Duration] = []
        samples.reserveCapacity(ops)
        let clock = ContinuousClock()
        for index in 0..<ops {
            let start = clock.now
            try await body(index)
            samples.append(clock.now - start)
        }
        samples.sort()
        let total = samples.reduce(Duration.zero, +)
        return Measurement(name: name, mean: total / ops, p99: samples[min(samples.count - 1, samples.count * 99 / 100)])
    }
}

func micros(_ duration: Duration) -> String {
    String(format: "%.1f", Double(duration.components.seconds) * 1e6 + Double(duration.components.attoseconds) / 1e12)
}

/// Prints one table row: the store's and the raw driver's time for an operation, and their ratio.
func report(engine: String, rows: Int, store: Measurement, raw: Measurement) {
    let ratio = Double(store.mean.components.attoseconds + store.mean.components.seconds * 1_000_000_000_000_000_000)
        / Double(max(1, raw.mean.components.attoseconds + raw.mean.components.seconds * 1_000_000_000_000_000_000))
    print("| \(engine) | \(rows) | \(store.name) | \(micros(store.mean)) | \(micros(store.p99)) | \(micros(raw.mean)) | \(micros(raw.p99)) | \(String(format: "%.2f", ratio)) |")
}

/// The seeded rows: ids `b0000…<i>`, 100 organisations, 4 regions, all `accepted`.
enum Seed {
    static func id(_ index: Int) -> String { "b" + String(repeating: "0", count: 19 - String(index).count) + String(index) }
    static let regions = ["us-east-1", "eu-west-1", "ap-south-1", "us-west-2"]
    static let base = 1_700_000_000
}

/// A kafka for the create measurement, unique by `index`.
func newKafka(_ index: Int) -> KafkaRequest {
    KafkaRequest(
        id: ResourceID.make(), name: "new-\(index)", owner: "owner-\(index % 1000)", organisationID: "org-\(index % 100)",
        cloudProvider: "aws", region: Seed.regions[index % 4], instanceType: "standard", sizeID: "x1", multiAZ: true, now: Date())
}

/// The four measurements against `store`, the raw ones through `raw`.
protocol RawDriver {
    func create(_ kafka: KafkaRequest) async throws
    func get(_ id: String) async throws
    func move(_ id: String, revision: Int) async throws
    func list(organisation: String, region: String) async throws
}

func measureAll(engine: String, rows: Int, ops: Int, store: SQLFleetStore, raw: some RawDriver) async throws {
    let createStore = try await Measurement.of("create", ops: ops) { i in _ = try await store.createKafka(newKafka(i), limits: []) }
    let createRaw = try await Measurement.of("create", ops: ops) { i in try await raw.create(newKafka(ops + i)) }
    report(engine: engine, rows: rows, store: createStore, raw: createRaw)

    let getStore = try await Measurement.of("get by id", ops: ops) { i in _ = try await store.kafka(id: Seed.id((i * 7919) % rows)) }
    let getRaw = try await Measurement.of("get by id", ops: ops) { i in try await raw.get(Seed.id((i * 7919 + 1) % rows)) }
    report(engine: engine, rows: rows, store: getStore, raw: getRaw)

    // Distinct accepted rows for each side; the read before the store's update is not timed.
    var targets: [KafkaRequest] = []
    for i in 0..<ops { if let kafka = try await store.kafka(id: Seed.id(i)) { targets.append(kafka) } }
    let updateStore = try await Measurement.of("conditional update", ops: targets.count) { i in
        var next = targets[i]
        next.status = .preparing
        next.updatedAt = Date()
        guard try await store.updateKafka(next, expecting: .accepted, limits: []).value != nil else { throw StoreError(.unavailable, "lost") }
    }
    let updateRaw = try await Measurement.of("conditional update", ops: ops) { i in try await raw.move(Seed.id(ops + i), revision: 0) }
    report(engine: engine, rows: rows, store: updateStore, raw: updateRaw)

    let listStore = try await Measurement.of("filtered list (100)", ops: ops) { i in
        _ = try await store.listKafkas(KafkaListQuery(
            organisationID: "org-\(i % 100)", search: .comparison(.region, .equal, Seed.regions[i % 4]), size: 100))
    }
    let listRaw = try await Measurement.of("filtered list (100)", ops: ops) { i in
        try await raw.list(organisation: "org-\(i % 100)", region: Seed.regions[i % 4])
    }
    report(engine: engine, rows: rows, store: listStore, raw: listRaw)
}

let options = Options(CommandLine.arguments)
var logger = Logger(label: "benchmark")
logger.logLevel = .error
print("| engine | rows | operation | store mean µs | store p99 µs | raw mean µs | raw p99 µs | store / raw |")
print("| --- | --- | --- | --- | --- | --- | --- | --- |")
for rows in options.rows {
    try await SQLiteBench.run(rows: rows, ops: options.ops, logger: logger)
}
if let url = options.postgresURL {
    for rows in options.rows {
        try await PostgresBench.run(url: url, rows: rows, ops: options.ops, logger: logger)
    }
} else {
    FileHandle.standardError.write(Data("no --postgres URL: PostgreSQL skipped\n".utf8))
}
