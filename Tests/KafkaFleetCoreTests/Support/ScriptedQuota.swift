import KafkaFleetCore
import Synchronization

/// A quota service whose reservations and releases a test scripts and observes: it hands out the subscription
/// `sub-<billing model>-<kafka id>` (or a fixed one), fails when told to, and records every call.
final class ScriptedQuota: QuotaService, Sendable {
    private struct State {
        var reserveFailure: (any Error)?
        var releaseFailure: (any Error)?
        var fixedSubscription: String?
        var limits: [AdmissionLimit] = []
        var reserved: [(kafkaID: String, billingModel: String)] = []
        var released: [String] = []
    }

    private let state = Mutex(State())
    private let reserveHook = Mutex<(@Sendable () async -> Void)?>(nil)

    let quotaType = "scripted"

    /// Makes every reservation fail with `error` (`nil`: succeed again).
    func failReserve(with error: (any Error)?) { state.withLock { $0.reserveFailure = error } }
    /// Makes every release fail with `error` (`nil`: succeed again).
    func failRelease(with error: (any Error)?) { state.withLock { $0.releaseFailure = error } }
    /// Hands out this subscription on every reservation.
    func alwaysGrant(subscription: String) { state.withLock { $0.fixedSubscription = subscription } }
    /// Returns these limits with every grant.
    func grantLimits(_ limits: [AdmissionLimit]) { state.withLock { $0.limits = limits } }

    /// Runs `hook` after every successful reservation, before it returns: the moment between a grant and its recording.
    func afterReserve(_ hook: @escaping @Sendable () async -> Void) { reserveHook.withLock { $0 = hook } }

    /// The billing models reserved, per kafka, in order.
    var reserved: [(kafkaID: String, billingModel: String)] { state.withLock { $0.reserved } }
    /// The subscriptions released, in order.
    var released: [String] { state.withLock { $0.released } }

    func hasQuota(organisationID: String, owner: String, instanceType: InstanceTypeConfig) async throws -> Bool { true }

    func hasQuota(organisationID: String, owner: String, instanceType: InstanceTypeConfig, billingModel: String) async throws -> Bool {
        true
    }

    func reserve(for kafka: KafkaRequest, instanceType: InstanceTypeConfig) async throws -> QuotaGrant {
        let grant = try state.withLock { state in
            if let failure = state.reserveFailure { throw failure }
            state.reserved.append((kafka.id, kafka.desiredBillingModel))
            let subscription = state.fixedSubscription ?? "sub-\(kafka.desiredBillingModel)-\(kafka.id)"
            return QuotaGrant(billingModel: kafka.desiredBillingModel, subscriptionID: subscription, limits: state.limits)
        }
        if let hook = reserveHook.withLock({ $0 }) { await hook() }
        return grant
    }

    func release(for kafka: KafkaRequest) async throws {
        try state.withLock { state in
            if let failure = state.releaseFailure { throw failure }
            state.released.append(kafka.subscriptionID)
        }
    }

    func isEntitlementActive(for kafka: KafkaRequest) async throws -> Bool { true }

    func validatePromotion(to payload: KafkaPromotePayload, of kafka: KafkaRequest, instanceType: InstanceTypeConfig) throws(FleetError) {}
}
