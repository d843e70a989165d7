import Foundation

/// Carries out promotions (the reference's `promoting_kafka` worker): for each kafka whose desired billing model
/// differs from the actual one, it reserves quota under the desired model, releases the quota of the old one and
/// records the new model and subscription, clearing the promotion status and the expiry (an evaluation kafka's
/// lifespan ends with its evaluation).
///
/// A failure is written to `promotion_details`. When retrying may help (a provider that could not be reached, a
/// store error) the kafka stays `promoting` and is retried with backoff; when it cannot (a quota refusal, a
/// provider that rejected the request) its promotion becomes `failed` and is left until the user promotes again.
/// A kafka deleted while its promotion is recorded still gets the new subscription recorded (its deleting worker
/// releases it), or, once soft-deleted, has it released here.
public struct PromotingKafkaReconciler: Reconciler {
    public let workerType = "promoting_kafka"
    private let environment: FleetEnvironment
    private let backoff: ItemBackoff

    /// How often the final write is tried again when another writer (an agent report) changed the kafka meanwhile.
    private static let writeAttempts = 5

    /// A reconciler over `environment`.
    public init(environment: FleetEnvironment, backoff: ItemBackoff = ItemBackoff()) {
        self.environment = environment
        self.backoff = backoff
    }

    /// A promote request is a write of a kafka in one of the promotable statuses.
    public func isInterested(in change: FleetChange) -> Bool {
        KafkaStatus.promotable.contains { change == .kafka($0) }
    }

    public func reconcile() async -> ReconcileReport {
        await KafkaPassRunner(environment: environment, backoff: backoff).run(
            page: { try await environment.store.kafkasAwaitingPromotion(limit: environment.settings.pageSize) },
            advance: { kafka, _ in try await advance(kafka) }
        )
    }

    private func advance(_ kafka: KafkaRequest) async throws -> Bool {
        do {
            return try await promote(kafka)
        } catch {
            let recoverable = Self.isRecoverable(error)
            environment.logger.info("kafka promotion failed", metadata: [
                "kafka_id": "\(kafka.id)", "recoverable": "\(recoverable)", "error": "\(error)",
            ])
            try await record(error, recoverable: recoverable, on: kafka)
            if recoverable { throw error }
            return true
        }
    }

    /// Reserve under the desired model, release the old quota, record the result.
    private func promote(_ kafka: KafkaRequest) async throws -> Bool {
        guard let instanceType = environment.instanceTypes.instanceType(kafka.instanceType) else {
            throw FleetError(.general, "instance type '\(kafka.instanceType)' is not configured")
        }
        let grant = try await environment.quota.reserve(for: kafka, instanceType: instanceType)
        // A quota service that hands back the same subscription has moved it; releasing it would drop the new one.
        if kafka.subscriptionID != grant.subscriptionID || kafka.subscriptionID.isEmpty {
            try await environment.quota.release(for: kafka)
        }
        var current = kafka
        let promoted = try await ConflictRetry.run(attempts: Self.writeAttempts) { () async throws -> ConflictRetry.Step<Bool> in
            var promoted = current
            promoted.actualBillingModel = kafka.desiredBillingModel
            promoted.subscriptionID = grant.subscriptionID
            promoted.promotionStatus = ""
            promoted.promotionDetails = ""
            promoted.expiresAt = nil
            switch try await environment.write(promoted, over: current, limits: grant.limits) {
            case .written:
                environment.logger.info("kafka promoted", metadata: ["kafka_id": "\(kafka.id)", "billing_model": "\(kafka.desiredBillingModel)"])
                return .finished(true)
            case let .refused(limit):
                throw limit.refusal
            case .conflict:
                guard let reread = try await environment.store.kafka(id: kafka.id) else {
                    // Soft-deleted meanwhile: its deleting worker released the subscription the row held, not this grant.
                    var granted = kafka
                    granted.subscriptionID = grant.subscriptionID
                    try await environment.quota.release(for: granted)
                    return .finished(false)
                }
                if KafkaStatus.deletingStatuses.contains(reread.status) {
                    // Being deleted: the grant is recorded all the same (status kept), for the deleting worker to release;
                    // the write moves the revision, so a deleting worker that read the row before fails its soft delete.
                    current = reread
                    return .lostRace
                }
                guard reread.desiredBillingModel == kafka.desiredBillingModel,
                      reread.actualBillingModel != reread.desiredBillingModel,
                      KafkaStatus.promotable.contains(reread.status)
                else { return .finished(false) }
                current = reread
                return .lostRace
            }
        }
        guard let promoted else { throw KeptChanging(kafkaID: kafka.id) }
        return promoted
    }

    /// The kafka was written by others on every attempt to record its promotion; the next pass tries again.
    private struct KeptChanging: Error, CustomStringConvertible {
        let kafkaID: String

        var description: String { "kafka \(kafkaID) kept changing while its promotion was recorded" }
    }

    /// Writes the failure into the kafka: still `promoting` when recoverable, else `failed`.
    private func record(_ error: any Error, recoverable: Bool, on kafka: KafkaRequest) async throws {
        var failed = kafka
        failed.promotionStatus = (recoverable ? KafkaPromotionStatus.promoting : .failed).rawValue
        failed.promotionDetails = Self.details(of: error)
        guard failed != kafka else { return }
        _ = try await environment.write(failed, over: kafka)
    }

    /// Whether trying again later may succeed: refusals (`FleetError`) and rejected provider calls will not.
    static func isRecoverable(_ error: any Error) -> Bool {
        switch error {
        case let error as ProviderError: error.isRetryable
        case is FleetError: false
        default: true
        }
    }

    /// A sentence for `promotion_details`.
    private static func details(of error: any Error) -> String {
        switch error {
        case let error as FleetError: error.reason.isEmpty ? error.description : error.reason
        default: "\(error)"
        }
    }
}
