public import Foundation

/// A token bucket: up to `capacity` requests at once, refilled at `capacity` per `period`. A pure value; the caller
/// supplies the time, so it is tested without waiting.
public struct TokenBucket: Sendable, Hashable {
    /// The most tokens the bucket holds (the burst).
    public let capacity: Double
    /// Tokens added per second.
    public let refillPerSecond: Double
    /// Tokens available at `updatedAt`.
    public private(set) var tokens: Double
    /// When `tokens` was last brought up to date.
    public private(set) var updatedAt: Date

    /// A full bucket of `capacity` tokens, refilled over `period`; `capacity` and `period` must be positive.
    public init(capacity: Int, per period: Duration, now: Date) {
        self.capacity = Double(max(1, capacity))
        self.refillPerSecond = self.capacity / max(period.timeInterval, 0.001)
        self.tokens = self.capacity
        self.updatedAt = now
    }

    /// Takes one token at `now`. Returns `nil` when one was taken, else how long until one is available.
    public mutating func take(at now: Date) -> Duration? {
        refill(to: now)
        if tokens >= 1 {
            tokens -= 1
            return nil
        }
        return .seconds((1 - tokens) / refillPerSecond)
    }

    /// Whether the bucket would be full at `now` (so forgetting it changes nothing).
    public func isFull(at now: Date) -> Bool {
        var copy = self
        copy.refill(to: now)
        return copy.tokens >= capacity
    }

    private mutating func refill(to now: Date) {
        let elapsed = now.timeIntervalSince(updatedAt)
        if elapsed > 0 { tokens = min(capacity, tokens + elapsed * refillPerSecond) }
        updatedAt = max(updatedAt, now)
    }
}
