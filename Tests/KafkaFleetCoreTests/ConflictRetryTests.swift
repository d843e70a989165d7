import KafkaFleetCore
import Testing

/// The read-change-write loop every service and reconciler shares.
@Suite("Conflict retry")
struct ConflictRetryTests {
    @Test("an attempt that loses the race is run again, and the first finished value is returned")
    func retriesUntilFinished() async throws {
        var calls = 0
        let value = try await ConflictRetry.run(attempts: 5) { () async throws -> ConflictRetry.Step<Int> in
            calls += 1
            return calls < 3 ? .lostRace : .finished(calls)
        }
        #expect(value == 3)
        #expect(calls == 3)
    }

    @Test("after as many lost races as attempts allow, the result is nil; zero attempts still try once")
    func givesUp() async throws {
        var calls = 0
        let value = try await ConflictRetry.run(attempts: 4) { () async throws -> ConflictRetry.Step<Int> in
            calls += 1
            return .lostRace
        }
        #expect(value == nil && calls == 4)
        calls = 0
        _ = try await ConflictRetry.run(attempts: 0) { () async throws -> ConflictRetry.Step<Int> in
            calls += 1
            return .lostRace
        }
        #expect(calls == 1)
    }

    @Test("a write outcome becomes a step: written finishes, conflict loses the race, refused throws the limit's refusal")
    func writeOutcomeSteps() throws {
        guard case .finished(7) = try WriteOutcome.written(7).step() else { Issue.record("written should finish"); return }
        guard case .lostRace = try WriteOutcome<Int>.conflict.step() else { Issue.record("conflict should lose the race"); return }
        let refusal = FleetError(.tooManyKafkaInstancesReached)
        let limit = AdmissionLimit(refusal: refusal, filter: KafkaFilter(), measure: .instances, maximum: 1)
        #expect(throws: refusal) { try WriteOutcome<Int>.refused(limit).step() }
    }

    @Test("a step without its value keeps whether it finished or lost the race")
    func withoutValue() {
        guard case .finished = ConflictRetry.Step.finished(7).withoutValue else { Issue.record("finished should stay finished"); return }
        guard case .lostRace = ConflictRetry.Step<Int>.lostRace.withoutValue else { Issue.record("a lost race should stay lost"); return }
    }
}
