import Synchronization

/// Limits how often each organisation may do something (create and delete kafkas): one `TokenBucket` per
/// organisation, `perMinute` requests a minute with a burst of as many.
///
/// Organisations come from verified tokens. Buckets that have refilled are forgotten once more than
/// `retainedOrganisations` are tracked, so memory stays bounded by the organisations active within a minute.
public final class OrganisationRateLimiter: Sendable {
    private let perMinute: Int
    private let clock: any WallClock
    private let buckets = Mutex<[String: TokenBucket]>([:])
    private static let retainedOrganisations = 10_000

    /// A limiter allowing `perMinute` requests a minute to each organisation (at least 1).
    public init(perMinute: Int, clock: any WallClock = SystemWallClock()) {
        self.perMinute = max(1, perMinute)
        self.clock = clock
    }

    /// Counts one request of `organisationID`. Returns `nil` when it is allowed, else how long until it would be.
    public func admit(_ organisationID: String) -> Duration? {
        let now = clock.now()
        return buckets.withLock { buckets in
            if buckets.count > Self.retainedOrganisations {
                buckets = buckets.filter { !$0.value.isFull(at: now) }
            }
            var bucket = buckets[organisationID] ?? TokenBucket(capacity: perMinute, per: .seconds(60), now: now)
            let wait = bucket.take(at: now)
            buckets[organisationID] = bucket
            return wait
        }
    }
}
