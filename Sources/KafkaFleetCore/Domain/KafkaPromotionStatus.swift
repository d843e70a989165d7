/// Where a kafka's change of billing model (`eval` to `standard` or `marketplace`) stands, with the
/// reference's wire strings. A kafka with no promotion going on has an empty `promotionStatus`.
public enum KafkaPromotionStatus: String, Sendable, Hashable, CaseIterable {
    /// Asked for and not yet done; the promoting worker picks it up (again after a recoverable failure).
    case promoting
    /// Given up after a failure that retrying would not fix; only a new promote request restarts it.
    case failed
}
