/// What a user may change on a kafka (the reference's `KafkaUpdateRequest`); `nil` leaves a field unchanged.
public struct KafkaUpdatePayload: Sendable, Hashable {
    /// The new owner's username.
    public var owner: String?
    /// Whether clients must re-authenticate.
    public var reauthenticationEnabled: Bool?

    /// A change; every part optional.
    public init(owner: String? = nil, reauthenticationEnabled: Bool? = nil) {
        self.owner = owner
        self.reauthenticationEnabled = reauthenticationEnabled
    }
}
