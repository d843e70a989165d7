import Foundation
import KafkaFleetCore

/// Whether this replica can do its work now (readiness, `GET /readiness`), as opposed to whether it runs at all
/// (liveness, `GET /healthcheck`): the API listens, the database answers, and every worker this replica leads
/// has completed a pass within `stallBound`. A load balancer takes a replica that is not ready out of rotation;
/// an orchestrator restarts only one that is not alive.
struct ReadinessCheck: Sendable {
    /// What the check found: ready or not, and why not.
    struct Verdict: Sendable, Equatable {
        var reasons: [String]

        var isReady: Bool { reasons.isEmpty }

        /// The JSON body: `{"status":"ready"}` or `{"status":"not_ready","reasons":[…]}`.
        var json: String {
            guard !isReady else { return "{\"status\":\"ready\"}\n" }
            let data = (try? JSONSerialization.data(withJSONObject: ["status": "not_ready", "reasons": reasons], options: [.sortedKeys])) ?? Data()
            return (String(data: data, encoding: .utf8) ?? "{\"status\":\"not_ready\"}") + "\n"
        }
    }

    let started: Readiness
    /// Asks the database for `SELECT 1`; throws when it cannot.
    let pingDatabase: @Sendable () async throws -> Void
    let elector: any LeaderElector
    let workerTypes: [String]
    let progress: WorkerProgress
    /// How long a worker this replica leads may go without completing a pass (its resync interval plus its pass
    /// bound: a leader passes at least once per resync, and a pass ends within its bound).
    let stallBound: Duration
    /// How long the database has to answer the check's ping.
    let pingTimeout: Duration

    func check() async -> Verdict {
        var reasons: [String] = []
        if !started.isReady { reasons.append("starting: the API does not listen yet") }
        do {
            let ping = pingDatabase
            try await Deadline.run(within: pingTimeout, onTimeout: { StoreError(.unavailable, "no answer within \(pingTimeout.timeInterval) s") }) {
                try await ping()
            }
        } catch {
            reasons.append("database unreachable: \(error)")
        }
        var leading: [String] = []
        for workerType in workerTypes where await elector.isLeader(of: workerType) { leading.append(workerType) }
        for (workerType, since) in progress.stalled(among: leading, bound: stallBound) {
            let age = since.map { "for \(Int($0.timeInterval)) s" } ?? "yet"
            reasons.append("worker \(workerType) has not completed a pass \(age)")
        }
        return Verdict(reasons: reasons)
    }
}
