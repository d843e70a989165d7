import Foundation
import KafkaFleetCore
import Testing

@Suite("Item backoff")
struct ItemBackoffTests {
    let start = Date(timeIntervalSince1970: 1_700_000_000)

    @Test("a failed item waits, doubling up to the maximum, and a success forgets it")
    func doubling() {
        let backoff = ItemBackoff(initial: .seconds(1), maximum: .seconds(4))
        backoff.recordFailure("k", now: start)
        #expect(!backoff.mayAttempt("k", now: start))
        #expect(backoff.nextRetry(after: start) == .seconds(1))
        backoff.recordFailure("k", now: start)
        backoff.recordFailure("k", now: start)
        backoff.recordFailure("k", now: start)
        #expect(backoff.nextRetry(after: start) == .seconds(4))
        backoff.recordSuccess("k")
        #expect(backoff.mayAttempt("k", now: start) && backoff.nextRetry(after: start) == nil)
    }

    @Test("an item whose wait is over asks for no retry, so an item that left the worker cannot make it spin")
    func overWaitIsNoRetry() {
        let backoff = ItemBackoff(initial: .seconds(1), maximum: .seconds(30))
        backoff.recordFailure("gone", now: start)
        #expect(backoff.nextRetry(after: start.addingTimeInterval(2)) == nil)
        #expect(backoff.mayAttempt("gone", now: start.addingTimeInterval(2)))
        #expect(backoff.failures(of: "gone") == 1, "still remembered while it may come back")
        _ = backoff.nextRetry(after: start.addingTimeInterval(60))
        #expect(backoff.failures(of: "gone") == 0, "forgotten once its wait ended longer than the maximum ago")
    }
}
