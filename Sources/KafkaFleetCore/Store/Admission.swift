/// What the admission step of a kafka's insert decided (`KafkaStore.createKafka(_:limits:admit:)`): the row to insert,
/// completed by the quota reservation, and the limits the reservation asks the store to hold with the insert.
public struct Admission: Sendable {
    /// The row to insert.
    public var kafka: KafkaRequest
    /// Limits to check after the reservation, atomically with the insert (quota-list allowances).
    public var limits: [AdmissionLimit]

    /// An admission from its parts.
    public init(_ kafka: KafkaRequest, limits: [AdmissionLimit] = []) {
        self.kafka = kafka
        self.limits = limits
    }
}

extension KafkaStore {
    /// Inserts a new kafka with no admission step beyond `limits` (`createKafka(_:limits:admit:)` admitting the row as
    /// it is).
    public func createKafka(_ kafka: KafkaRequest, limits: [AdmissionLimit]) async throws -> WriteOutcome<KafkaRequest> {
        try await createKafka(kafka, limits: limits, admit: { Admission($0) })
    }
}
