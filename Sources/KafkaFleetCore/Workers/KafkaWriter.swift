import Foundation
public import Logging

/// The one way a kafka row changes after its insert: a compare-and-set write over the row as read, and the carrying
/// out of `KafkaLifecycle` transitions (the write the machine decides, then its bookkeeping actions).
///
/// The services, the reconcilers and the agent report applier all write through it, so every write stamps
/// `updatedAt` (and `statusChangedAt` on a move) from one clock and no status change escapes the machine's diagram.
public struct KafkaWriter: Sendable {
    /// Where kafkas are kept.
    public let store: any KafkaStore
    /// The source of `updatedAt` and `statusChangedAt`.
    public let clock: any WallClock
    /// Where failures and deprovisions are logged.
    public let logger: Logger
    /// Where creations that ended (ready or failed) and deletions are reported.
    public let observer: any FleetObserver

    /// A writer over `store`.
    public init(store: any KafkaStore, clock: any WallClock, logger: Logger = Logger(label: "kafkafleet.kafkas"),
                observer: any FleetObserver = NoFleetObserver()) {
        self.store = store
        self.clock = clock
        self.logger = logger
        self.observer = observer
    }

    /// Writes `updated` over `original` with compare-and-set, stamping `updatedAt` (and `statusChangedAt` when the
    /// status moves). Throws `IllegalTransition` when the move is not an edge of `KafkaLifecycle`'s diagram.
    public func write(_ updated: KafkaRequest, over original: KafkaRequest, limits: [AdmissionLimit] = []) async throws -> WriteOutcome<KafkaRequest> {
        var row = updated
        let now = clock.now()
        row.updatedAt = now
        if row.status != original.status {
            guard KafkaLifecycle.canMove(from: original.status, to: row.status) else {
                throw IllegalTransition(from: original.status.rawValue, to: row.status.rawValue)
            }
            row.statusChangedAt = now
        }
        row.revision = original.revision
        return try await store.updateKafka(row, expecting: original.status, limits: limits)
    }

    /// Asks the machine what `event` does to `kafka` and carries it out (`carryOut(_:on:limits:)`).
    public func apply(_ event: KafkaLifecycle.Event, to kafka: KafkaRequest,
                      limits: [AdmissionLimit] = []) async throws -> WriteOutcome<KafkaRequest>? {
        try await carryOut(KafkaLifecycle.transition(kafka, on: event), on: kafka, limits: limits)
    }

    /// Carries out a transition decided for `kafka`: writes the moved row (or soft-deletes the row for a removal)
    /// and, once written, performs its bookkeeping actions (logs, metrics). Actions that reach a provider (DNS,
    /// identity, quota) are the caller's, before this call. Returns `nil` when the transition changes nothing,
    /// `.written` with the row as stored (as read, for a removal), `.conflict` when another writer moved first.
    /// Throws the machine's `KafkaLifecycle.Refusal`.
    public func carryOut(_ transition: KafkaLifecycle.Transition, on kafka: KafkaRequest,
                         limits: [AdmissionLimit] = []) async throws -> WriteOutcome<KafkaRequest>? {
        let outcome: WriteOutcome<KafkaRequest>
        switch transition.outcome {
        case let .refuse(refusal):
            throw refusal
        case .stay:
            return nil
        case let .move(row):
            outcome = try await write(row, over: kafka, limits: limits)
        case .remove:
            outcome = try await store.softDeleteKafka(kafka, expecting: kafka.status, at: clock.now()) ? .written(kafka) : .conflict
        }
        if let written = outcome.value { record(transition.actions, of: written) }
        return outcome
    }

    /// Performs the bookkeeping actions of a transition that was written; the others are the caller's.
    private func record(_ actions: [KafkaLifecycle.Action], of kafka: KafkaRequest) {
        for action in actions {
            switch action {
            case let .recordFailure(reason):
                logger.info("kafka failed", metadata: ["kafka_id": "\(kafka.id)", "reason": "\(reason)"])
                observer.kafkaCreationFailed()
            case .recordReady:
                // Clamped, so a creation time far in the past cannot overflow the duration.
                let took = min(max(0, clock.now().timeIntervalSince(kafka.createdAt)), 1e12)
                observer.kafkaCreated(took: .seconds(took))
            case let .recordDeprovision(why):
                logger.info("kafka deprovisioned", metadata: ["kafka_id": "\(kafka.id)", "why": "\(why)"])
            case .recordDeleted:
                logger.info("kafka deleted", metadata: ["kafka_id": "\(kafka.id)"])
                observer.kafkaDeleted()
            case .deleteDNSRecords, .deleteCanaryClient, .releaseQuota:
                break
            }
        }
    }
}
