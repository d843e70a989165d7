public import Logging

/// The use cases behind a kafka's metrics endpoints: check the caller may see the kafka, read the parameters as
/// the reference does, ask the metrics source, and turn a source failure into the reference's 500.
public struct KafkaMetricsService: Sendable {
    /// Finds the caller's kafka (another organisation's is not found).
    public let kafkas: KafkaService
    /// Where the values come from.
    public let source: any KafkaMetricsSource
    /// Where source failures are logged (the caller sees only a general error).
    public let logger: Logger

    /// A service over a kafka service and a metrics source.
    public init(kafkas: KafkaService, source: any KafkaMetricsSource = EmptyKafkaMetricsSource(),
                logger: Logger = Logger(label: "kafkafleet.metrics")) {
        self.kafkas = kafkas
        self.source = source
        self.logger = logger
    }

    /// The latest values of the metrics named in `filters` (all when `nil`) of the caller's kafka.
    public func instant(id: String, filters: [String]?, by requester: Requester) async throws -> [KafkaMetricSample] {
        let kafka = try await kafkas.get(id: id, by: requester)
        return try await asking(kafka, failure: Self.retrievalFailed) {
            try await source.instant(KafkaMetricCatalog.selected(by: filters), namespace: kafka.namespace)
        }
    }

    /// The values over the last `duration` minutes, one every `interval` seconds, of the metrics named in `filters`
    /// (all when `nil`) of the caller's kafka. Both parameters must be integers, checked before the lookup as the
    /// reference does; unlike it, we also refuse with 400 21 what the query API would fail on (a duration or interval
    /// below 1, a duration over a year, more than `maximumPoints` points per series), rather than answer 500.
    public func range(
        id: String, duration: String?, interval: String?, filters: [String]?, by requester: Requester
    ) async throws -> [KafkaMetricSeries] {
        let minutes = try Self.integer("duration", duration)
        let seconds = try Self.integer("interval", interval)
        try Self.checkRange(minutes: minutes, stepSeconds: seconds)
        let kafka = try await kafkas.get(id: id, by: requester)
        let range = KafkaMetricsRange(endingAt: kafkas.clock.now(), minutes: minutes, stepSeconds: seconds)
        return try await asking(kafka, failure: Self.retrievalFailed) {
            try await source.range(KafkaMetricCatalog.selected(by: filters), namespace: kafka.namespace, over: range)
        }
    }

    /// The latest values of every federated metric of the caller's kafka, in Prometheus text exposition.
    public func federation(id: String, by requester: Requester) async throws -> String {
        let kafka = try await kafkas.get(id: id, by: requester)
        let samples = try await asking(kafka, failure: FleetError(.general, "error getting metrics")) {
            try await source.instant(KafkaMetricCatalog.all.filter { $0.federatedLabels != nil }, namespace: kafka.namespace)
        }
        return FederatedMetricsText.render(samples)
    }

    private static let retrievalFailed = FleetError(.general, "failed to retrieve metrics")

    private func asking<T>(_ kafka: KafkaRequest, failure: FleetError, _ query: () async throws -> T) async throws -> T {
        do {
            return try await query()
        } catch {
            logger.error("metrics query failed", metadata: ["kafka_id": "\(kafka.id)", "error": "\(error)"])
            throw failure
        }
    }

    /// The most points one series of a range query may have (the limit of Prometheus' query API).
    public static let maximumPoints: Int64 = 11_000
    /// The longest range a query may cover, in minutes (a year).
    public static let maximumMinutes: Int64 = 525_600

    /// Refuses a range the query API cannot answer. `minutes` is bounded first, so the product cannot overflow.
    private static func checkRange(minutes: Int64, stepSeconds seconds: Int64) throws(FleetError) {
        guard (1...maximumMinutes).contains(minutes) else {
            throw FleetError(.badRequest, "bad request, query parameter 'duration' must be between 1 and \(maximumMinutes) minutes")
        }
        guard seconds >= 1 else {
            throw FleetError(.badRequest, "bad request, query parameter 'interval' must be at least 1 second")
        }
        guard minutes * 60 / seconds <= maximumPoints else {
            throw FleetError(.badRequest, "bad request, 'duration' / 'interval' asks for more than \(maximumPoints) points per series")
        }
    }

    /// A required integer query parameter, as the reference reads it.
    private static func integer(_ name: String, _ value: String?) throws(FleetError) -> Int64 {
        guard let value, let number = Int64(value) else {
            throw FleetError(.badRequest, "bad request, cannot parse query parameter '\(name)' '\(value ?? "")'")
        }
        return number
    }
}
