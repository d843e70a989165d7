/// The result of a conditional write.
public enum WriteOutcome<Value: Sendable>: Sendable {
    /// The write happened; the value is the row as stored (revision incremented).
    case written(Value)
    /// Another writer changed the row first (its status or revision differs, or it was deleted); nothing was written.
    case conflict
    /// An admission limit would have been broken; nothing was written.
    case refused(AdmissionLimit)

    /// The stored value, when written.
    public var value: Value? {
        if case let .written(value) = self { return value }
        return nil
    }
}

extension WriteOutcome: Equatable where Value: Equatable {}
