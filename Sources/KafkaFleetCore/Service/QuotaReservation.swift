import Synchronization

/// The quota reservation of one create, as the store's admission step: it reserves the kafka's quota once its
/// limits hold, completes the row with what the quota service granted, and remembers what it reserved so the create
/// can release it if the insert does not happen after all.
final class QuotaReservation: Sendable {
    private let quota: any QuotaService
    private let instanceType: InstanceTypeConfig
    private let reservedKafka = Mutex<KafkaRequest?>(nil)

    init(quota: any QuotaService, instanceType: InstanceTypeConfig) {
        self.quota = quota
        self.instanceType = instanceType
    }

    /// The kafka whose quota was reserved, if the reservation happened.
    var reserved: KafkaRequest? { reservedKafka.withLock { $0 } }

    /// Reserves the quota of `kafka` and returns it completed (billing model, subscription) with the limits the
    /// grant names.
    @Sendable func admit(_ kafka: KafkaRequest) async throws -> Admission {
        let grant = try await quota.reserve(for: kafka, instanceType: instanceType)
        var admitted = kafka
        admitted.actualBillingModel = grant.billingModel
        if admitted.desiredBillingModel.isEmpty { admitted.desiredBillingModel = grant.billingModel }
        admitted.subscriptionID = grant.subscriptionID
        reservedKafka.withLock { $0 = admitted }
        return Admission(admitted, limits: grant.limits)
    }
}
