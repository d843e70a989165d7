import Foundation

/// The loop every kafka reconciler shares: read a page, skip items in backoff, advance each item, collect
/// errors per item, and report.
struct KafkaPassRunner {
    let environment: FleetEnvironment
    let backoff: ItemBackoff

    /// Runs `advance` over `page`; `advance` returns whether it changed the kafka.
    func run(page: () async throws -> [KafkaRequest], advance: (KafkaRequest, Date) async throws -> Bool) async -> ReconcileReport {
        let now = environment.clock.now()
        let items: [KafkaRequest]
        do {
            items = try await page()
        } catch {
            return ReconcileReport(errors: ["cannot read kafkas: \(error)"])
        }
        var report = ReconcileReport(examined: items.count, pageWasFull: items.count >= environment.settings.pageSize)
        for kafka in items where backoff.mayAttempt(kafka.id, now: now) {
            // A store that answers without suspending (the in-memory one) would otherwise keep this thread for the
            // whole page, holding back every other task on a small machine.
            await Task.yield()
            do {
                if try await advance(kafka, now) { report.changed += 1 }
                backoff.recordSuccess(kafka.id)
            } catch {
                backoff.recordFailure(kafka.id, now: now)
                report.errors.append("kafka \(kafka.id): \(error)")
            }
        }
        report.retryAfter = backoff.nextRetry(after: environment.clock.now())
        return report
    }
}

extension KafkaRequest {
    /// How long ago the kafka was created.
    func age(at now: Date) -> Duration { .milliseconds(Int64(now.timeIntervalSince(createdAt) * 1000)) }

    /// How long the kafka has been in its status.
    func timeInStatus(at now: Date) -> Duration { .milliseconds(Int64(now.timeIntervalSince(statusChangedAt) * 1000)) }
}
