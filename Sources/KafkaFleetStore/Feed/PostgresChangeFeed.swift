public import KafkaFleetCore
public import Logging
import PostgresKit
public import ServiceLifecycle
import Synchronization

/// A `ChangeFeed` shared by every replica on one PostgreSQL database: `publish` delivers to this process's
/// subscribers at once and sends `NOTIFY kafkafleet_changes, '<wire value>'`; a LISTEN on a dedicated
/// connection forwards other replicas' changes to the local subscribers.
///
/// It is a `Service`: `run()` keeps its small connection pool and the LISTEN alive (reconnecting after the
/// server restarts) until cancellation or graceful shutdown. Delivery stays best effort, like the protocol says.
public final class PostgresChangeFeed: ChangeFeed, Service {
    /// The notification channel.
    public static let channel = "kafkafleet_changes"

    /// How long our own notification may take to come back before we stop expecting it.
    private static let echoWindow = Duration.seconds(10)

    private let client: PostgresClient
    private let operationTimeout: Duration
    private let local = LocalChangeFeed()
    private let logger: Logger
    /// Wire values this feed sent whose echo (PostgreSQL notifies the sender's listener too) is still to come,
    /// so local subscribers see each of our changes once.
    private let pendingEchoes = Mutex<[String: [ContinuousClock.Instant]]>([:])

    /// A feed on the database at `url` (as `SQLFleetStore.postgres(url:)`); no connection is made until it runs.
    /// A notification waits at most `operationTimeout` for the database (and is then given up, as delivery is
    /// best effort), so a writer never waits longer than that on a database that went away.
    public init(url: String, operationTimeout: Duration = .seconds(10), logger: Logger = Logger(label: "kafkafleet.changefeed")) throws {
        var configuration = try PostgresURL.configuration(url)
        configuration.options.maximumConnections = 2
        self.client = PostgresClient(configuration: configuration, backgroundLogger: logger)
        self.operationTimeout = operationTimeout
        self.logger = logger
    }

    /// Delivers to this process's subscribers at once, then notifies the other replicas (best effort: a failure is logged).
    public func publish(_ change: FleetChange) async {
        local.deliver(change)
        let wire = change.wireValue
        pendingEchoes.withLock { $0[wire, default: []].append(.now) }
        let (client, logger, limit) = (client, logger, operationTimeout)
        do {
            try await Deadline.run(within: limit, onTimeout: { StoreError(.unavailable, "NOTIFY not sent within \(limit.timeInterval) s") }) {
                _ = try await client.query("SELECT pg_notify(\(Self.channel), \(wire))", logger: logger)
            }
        } catch {
            pendingEchoes.withLock { _ = $0[wire]?.popLast() }
            logger.warning("cannot notify other replicas", metadata: ["change": "\(wire)", "error": "\(String(reflecting: error))"])
        }
    }

    /// A stream of changes from this process and, while the LISTEN is up, from the other replicas.
    public func subscribe() -> AsyncStream<FleetChange> {
        local.subscribe()
    }

    /// Wake-ups on changes from this process (yielded within `publish`) and from the other replicas.
    public func wakeUps(when interested: @escaping @Sendable (FleetChange) -> Bool) -> AsyncStream<Void> {
        local.wakeUps(when: interested)
    }

    /// Runs the connection pool and the LISTEN until cancelled or asked to shut down gracefully.
    public func run() async throws {
        await cancelWhenGracefulShutdown { [self] in
            await withDiscardingTaskGroup { group in
                group.addTask { await self.client.run() }
                await self.listen()
                group.cancelAll()
            }
        }
    }

    private func listen() async {
        while !Task.isCancelled {
            do {
                try await client.withConnection { connection in
                    try await connection.listen(on: Self.channel) { notifications in
                        for try await notification in notifications { self.received(notification.payload) }
                    }
                }
            } catch {
                guard !Task.isCancelled else { return }
                logger.debug("LISTEN ended; reconnecting", metadata: ["error": "\(String(reflecting: error))"])
                // Back off so a database that is down is not hammered; wake-ups resync meanwhile.
                try? await Task.sleep(for: .milliseconds(250))
            }
        }
    }

    private func received(_ payload: String) {
        let now = ContinuousClock.now
        let isEcho = pendingEchoes.withLock { pending -> Bool in
            var sent = pending[payload, default: []].filter { now - $0 < Self.echoWindow }
            let echo = !sent.isEmpty
            if echo { sent.removeFirst() }
            pending[payload] = sent.isEmpty ? nil : sent
            return echo
        }
        guard !isEcho, let change = FleetChange(wireValue: payload) else { return }
        local.deliver(change)
    }
}
