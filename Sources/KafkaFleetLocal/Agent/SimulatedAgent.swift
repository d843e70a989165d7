public import Foundation
public import KafkaFleetCore
public import ServiceLifecycle

/// A data-plane agent that runs no Kafka: the data plane of a fleet on a laptop.
///
/// It speaks the agent protocol like kas-fleetshard: it reads its cluster's desired kafkas, reports each new one
/// installing and then ready after `SimulatedAgentSettings/readyAfter` (with routes under its cluster's ingress
/// domain and an admin-server URL), reports deleted kafkas gone, and reports its cluster ready with the capacity
/// and Strimzi versions of its settings; a kafka the control plane suspends (its `bf2.org/suspended` label) is
/// reported suspended, and ready again once resumed. The control plane cannot tell it from a real agent, so every reconciler,
/// the agent API and the CLI work end to end; but nothing listens at the bootstrap hosts it reports, so no Kafka
/// client can connect to its kafkas.
///
/// Run it as a `Service` (it syncs at start, on every change when given the control plane's `ChangeFeed`, when a
/// waiting kafka is due, and every poll interval), or call `syncOnce()` to step it by hand. `kafkafleetd` runs one
/// per local cluster when no cloud is configured; `kafkafleetctl agent simulate` runs one in a process of its own.
/// `fail(kafkaID:)`, `setSilent(_:)` and `setClusterReady(_:)` simulate a data plane in trouble, to watch how the
/// control plane reacts.
public actor SimulatedAgent: Service {
    private let transport: any AgentTransport
    private let settings: SimulatedAgentSettings
    private let clock: any WallClock
    private let changes: (any ChangeFeed)?
    private var firstSeen: [String: Date] = [:]
    private var lastReported: [String: DataPlaneKafkaStatus] = [:]
    /// When the agent last reported every kafka, changed or not.
    private var lastFullReport: Date?
    private var failing: Set<String> = []
    private var silent = false
    private var clusterReady = true

    /// An agent speaking through `transport`, timing kafkas by `clock`. When `changes` is given (the control plane
    /// runs in the same process), a kafka or cluster change wakes it at once instead of at its next poll.
    public init(transport: any AgentTransport, settings: SimulatedAgentSettings, clock: any WallClock = SystemWallClock(),
                changes: (any ChangeFeed)? = nil) {
        self.transport = transport
        self.settings = settings
        self.clock = clock
        self.changes = changes
    }

    /// Makes the agent report `kafkaID` as failed (Ready false, reason Error) from now on, as a kafka whose
    /// brokers cannot start; the control plane then marks it failed.
    public func fail(kafkaID: String) { failing.insert(kafkaID) }

    /// Makes the agent stop (or resume) talking to the control plane, as an agent cut off from it: while silent its
    /// rounds do nothing, so provisioning kafkas wait until their timeout.
    public func setSilent(_ silent: Bool) { self.silent = silent }

    /// Makes the agent report its cluster ready or not ready; a cluster reported not ready goes back to waiting for its
    /// agent until it is reported ready again.
    public func setClusterReady(_ ready: Bool) { clusterReady = ready }

    /// One round of the protocol: report the cluster, read the desired kafkas, report what changed.
    /// Returns when the next kafka will become ready, if one is waiting.
    @discardableResult
    public func syncOnce() async throws -> Date? {
        guard !silent else { return nil }
        let desired = try await transport.desiredKafkas().items
        try await transport.reportCluster(clusterStatus(hosting: desired.filter { !$0.spec.deleted }))
        let now = clock.now()
        // Like a real agent, it reports only what changed, and everything again now and then: a report that fails
        // (503 while the control plane's database is down) is sent again at the next round anyway, but a report the
        // control plane accepted and then lost would otherwise never be repeated.
        let fullReport = lastFullReport.map { now.timeIntervalSince($0) >= settings.fullReportInterval.timeInterval } ?? true
        if fullReport { lastReported = [:] }
        var report: [String: DataPlaneKafkaStatus] = [:]
        var nextReady: Date?
        for kafka in desired {
            let seen = firstSeen[kafka.id] ?? now
            firstSeen[kafka.id] = seen
            let readyAt = seen.addingTimeInterval(settings.readyAfter.timeInterval)
            let status = self.status(of: kafka, ready: now >= readyAt)
            if !kafka.spec.deleted, now < readyAt { nextReady = min(nextReady ?? readyAt, readyAt) }
            if lastReported[kafka.id] != status { report[kafka.id] = status }
        }
        let present = Set(desired.map(\.id))
        firstSeen = firstSeen.filter { present.contains($0.key) }
        lastReported = lastReported.filter { present.contains($0.key) }
        if !report.isEmpty {
            try await transport.reportKafkas(report)
            lastReported.merge(report) { $1 }
        }
        if fullReport { lastFullReport = now }
        return nextReady
    }

    private func status(of kafka: ManagedKafka, ready: Bool) -> DataPlaneKafkaStatus {
        if kafka.spec.deleted {
            return DataPlaneKafkaStatus(conditions: [AgentCondition(type: "Ready", reason: "Deleted", status: "False")])
        }
        if failing.contains(kafka.id) {
            return DataPlaneKafkaStatus(conditions: [AgentCondition(type: "Ready", reason: "Error", message: "simulated failure", status: "False")])
        }
        if kafka.metadata.labels["bf2.org/suspended"] == "true" {
            return DataPlaneKafkaStatus(conditions: [AgentCondition(type: "Ready", reason: "Suspended", status: "False")])
        }
        let routes = routes(of: kafka)
        guard ready else {
            return DataPlaneKafkaStatus(conditions: [AgentCondition(type: "Ready", reason: "Installing", status: "False")], routes: routes)
        }
        let host = kafka.spec.endpoint.bootstrapServerHost ?? kafka.id
        return DataPlaneKafkaStatus(conditions: [AgentCondition(type: "Ready", status: "True")], versions: kafka.spec.versions,
                                    routes: routes, adminServerURI: "https://admin-server-\(host)")
    }

    private func routes(of kafka: ManagedKafka) -> [DataPlaneKafkaStatus.ReportedRoute] {
        let base = settings.clusterDNS.hasPrefix("apps.") ? String(settings.clusterDNS.dropFirst(5)) : settings.clusterDNS
        let router = "router-default.\(base)"
        return [
            .init(name: "bootstrap", prefix: "", router: router),
            .init(name: "admin-server", prefix: "admin-server", router: router),
            .init(name: "broker-0", prefix: "broker-0", router: router),
            .init(name: "broker-1", prefix: "broker-1", router: router),
            .init(name: "broker-2", prefix: "broker-2", router: router),
        ]
    }

    private func clusterStatus(hosting kafkas: [ManagedKafka]) -> DataPlaneClusterStatus {
        var used: [String: Int] = [:]
        for kafka in kafkas {
            let type = kafka.metadata.labels["bf2.org/kafkaInstanceProfileType"] ?? ""
            used[type, default: 0] += Int(kafka.metadata.labels["bf2.org/kafkaInstanceProfileQuotaConsumed"] ?? "1") ?? 1
        }
        var capacity: [String: DataPlaneClusterStatus.ReportedCapacity] = [:]
        for (type, maximum) in settings.capacity {
            capacity[type] = .init(maxUnits: maximum, remainingUnits: max(0, maximum - used[type, default: 0]))
        }
        return DataPlaneClusterStatus(
            conditions: [AgentCondition(type: "Ready", status: clusterReady ? "True" : "False")],
            strimzi: settings.strimziVersions, capacity: capacity
        )
    }

    /// Runs the agent until graceful shutdown: a round at start, on every relevant change (in-process), when a
    /// waiting kafka is due, and every poll interval. Shutdown cancels the round in flight (its calls to a control
    /// plane that is gone could otherwise wait out their timeouts).
    public func run() async throws {
        let (wakeUps, wake) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
        let changed = changes?.wakeUps { change in
            change.kind == .cluster || change == .kafka(.provisioning) || change == .kafka(.deprovision) || change == .kafka(.suspending)
                || change == .kafka(.resuming)
        }
        let clock = ContinuousClock()
        let poll = settings.pollInterval
        await withTaskGroup(of: Void.self) { group in
            if let changed {
                group.addTask {
                    for await _ in changed { wake.yield() }
                }
            }
            group.addTask {
                while !Task.isCancelled {
                    do { try await clock.sleep(for: poll) } catch { return }
                    wake.yield()
                }
            }
            var scheduled: Date?
            wake.yield()
            for await _ in wakeUps.cancelOnGracefulShutdown() {
                do {
                    if let due = try await cancelWhenGracefulShutdown({ try await self.syncOnce() }), scheduled.map({ $0 <= self.clock.now() || $0 > due }) ?? true {
                        scheduled = due
                        let delay = max(0, due.timeIntervalSince(self.clock.now()))
                        group.addTask {
                            do { try await clock.sleep(for: .milliseconds(Int64(delay * 1000) + 1)) } catch { return }
                            wake.yield()
                        }
                    }
                } catch {
                    continue
                }
            }
            group.cancelAll()
        }
    }
}
