/// Read, change, compare-and-set write: the shape of every write to a kafka or a cluster, run again from the read
/// when another writer changed the row in between (the store reports it as `WriteOutcome.conflict`).
public enum ConflictRetry {
    /// What one attempt came to.
    public enum Step<Value: Sendable>: Sendable {
        /// Done with this value: the row as written, or whatever the attempt decided without writing.
        case finished(Value)
        /// Another writer changed the row between the read and the write; read again.
        case lostRace

        /// The same step with its value transformed.
        public func map<Other: Sendable>(_ transform: (Value) -> Other) -> Step<Other> {
            switch self {
            case let .finished(value): .finished(transform(value))
            case .lostRace: .lostRace
            }
        }

        /// The same step without its value, for an attempt whose caller only needs to know it finished.
        public var withoutValue: Step<Void> { map { _ in () } }
    }

    /// Runs `attempt` until it finishes, at most `attempts` times (at least once); `nil` when every attempt lost
    /// the race, for the caller to report as it sees fit.
    public static func run<Value: Sendable>(attempts: Int, _ attempt: () async throws -> Step<Value>) async throws -> Value? {
        for _ in 0..<max(1, attempts) {
            if case let .finished(value) = try await attempt() { return value }
        }
        return nil
    }
}

extension WriteOutcome {
    /// This write as an attempt's step: written finishes with the stored row, a conflict lost the race, and a
    /// refusal throws the broken limit's error.
    public func step() throws(FleetError) -> ConflictRetry.Step<Value> {
        switch self {
        case let .written(value): .finished(value)
        case .conflict: .lostRace
        case let .refused(limit): throw limit.refusal
        }
    }
}
