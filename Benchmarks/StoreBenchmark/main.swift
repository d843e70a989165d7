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

/// One measured operation: median, mean and 99th percentile per call.
struct Measurement {
    let p50: Duration
    let mean: Duration
    let p99: Duration

    init(_ samples: [Duration]) {
        let sorted = samples.sorted()
        p50 = sorted[sorted.count / 2]
        mean = sorted.reduce(Duration.zero, +) / sorted.count
        p99 = sorted[min(sorted.count - 1, sorted.count * 99 / 100)]
    }

    /// Times `store` and `raw` call by call in turn, so that both sides see the same machine: a burst of load
    /// from elsewhere lands on both rather than on whichever happened to run then.
    static func interleaved(ops: Int, store: (Int) async throws -> Void, raw: (Int) async throws -> Void) async throws -> (store: Measurement, raw: Measurement) {
        var storeSamples: [Duration] = [], rawSamples: [Duration] = []
        storeSamples.reserveCapacity(ops)
        rawSamples.reserveCapacity(ops)
        let clock = ContinuousClock()
        for index in 0..<ops {
            var start = clock.now
            try await store(index)
            storeSamples.append(clock.now - start)
            start = clock.now
            try await raw(index)
            rawSamples.append(clock.now - start)
        }
        return (Measurement(storeSamples), Measurement(rawSamples))
    }
}

func micros(_ duration: Duration) -> String {
    String(format: "%.1f", seconds(duration) * 1e6)
}

func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}

/// Prints one table row: the store's and the raw driver's time per call, and the store's rate as a share of
/// the raw driver's (raw mean / store mean).
func report(engine: String, rows: Int, operation: String, _ pair: (store: Measurement, raw: Measurement)) {
    let share = seconds(pair.raw.mean) / seconds(pair.store.mean) * 100
    let (store, raw) = pair
    print("| \(engine) | \(rows) | \(operation) | \(micros(store.p50)) | \(micros(store.mean)) | \(micros(store.p99)) | \(micros(raw.p50)) | \(micros(raw.mean)) | \(micros(raw.p99)) | \(String(format: "%.0f", share))% |")
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

/// The store's statements done straight on a driver, by hand: the limit the store can approach.
protocol RawDriver {
    /// In one transaction: the name check, the row, its status event.
    func create(_ kafka: KafkaRequest) async throws
    /// The row by id, decoded.
    func get(_ id: String) async throws -> KafkaRequest?
    /// In one transaction: the conditional update of every column, then the status event; false when it lost.
    func update(_ kafka: KafkaRequest, expecting expected: KafkaStatus) async throws -> Bool
    /// A page of 100 rows decoded, and the count.
    func list(organisation: String, region: String) async throws -> (items: [KafkaRequest], total: Int)
}

/// The four measurements against `store`, the raw ones through `raw`, each side on rows of its own.
func measureAll(engine: String, rows: Int, ops: Int, store: SQLFleetStore, raw: some RawDriver) async throws {
    report(engine: engine, rows: rows, operation: "create", try await Measurement.interleaved(
        ops: ops, store: { i in _ = try await store.createKafka(newKafka(i), limits: []) },
        raw: { i in try await raw.create(newKafka(ops + i)) }))

    report(engine: engine, rows: rows, operation: "get by id", try await Measurement.interleaved(
        ops: ops, store: { i in _ = try await store.kafka(id: Seed.id((i * 7919) % rows)) },
        raw: { i in _ = try await raw.get(Seed.id((i * 7919 + 1) % rows)) }))

    // Distinct accepted rows for each side, read before the timing starts.
    func moved(_ kafka: KafkaRequest) -> KafkaRequest {
        var next = kafka
        next.status = .preparing
        next.updatedAt = Date()
        next.statusChangedAt = next.updatedAt
        return next
    }
    var storeTargets: [KafkaRequest] = [], rawTargets: [KafkaRequest] = []
    for i in 0..<ops {
        guard let mine = try await store.kafka(id: Seed.id(i)), let theirs = try await raw.get(Seed.id(ops + i)) else { continue }
        storeTargets.append(mine)
        rawTargets.append(theirs)
    }
    report(engine: engine, rows: rows, operation: "conditional update", try await Measurement.interleaved(
        ops: storeTargets.count,
        store: { i in
            guard try await store.updateKafka(moved(storeTargets[i]), expecting: .accepted, limits: []).value != nil else { throw RawError.badValue("lost") }
        },
        raw: { i in guard try await raw.update(moved(rawTargets[i]), expecting: .accepted) else { throw RawError.badValue("lost") } }))

    report(engine: engine, rows: rows, operation: "filtered list (100)", try await Measurement.interleaved(
        ops: ops,
        store: { i in
            _ = try await store.listKafkas(KafkaListQuery(
                organisationID: "org-\(i % 100)", search: .comparison(.region, .equal, Seed.regions[i % 4]), size: 100))
        },
        raw: { i in _ = try await raw.list(organisation: "org-\(i % 100)", region: Seed.regions[i % 4]) }))
}

let options = Options(CommandLine.arguments)
var logger = Logger(label: "benchmark")
logger.logLevel = .error
print("| engine | rows | operation | store p50 µs | store mean µs | store p99 µs | raw p50 µs | raw mean µs | raw p99 µs | store rate / raw rate |")
print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
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
