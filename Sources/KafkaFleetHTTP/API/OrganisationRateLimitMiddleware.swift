public import Hummingbird
public import KafkaFleetCore

/// Refuses a request once the caller's organisation has used up its allowance (`OrganisationRateLimiter`), with 429
/// `KAFKAS-MGMT-429` and a `Retry-After` header in whole seconds. The reference has no rate limit; this is ours.
public struct OrganisationRateLimitMiddleware: RouterMiddleware {
    public typealias Context = AuthenticatedRequestContext

    private let limiter: OrganisationRateLimiter

    /// A middleware counting requests with `limiter`.
    public init(limiter: OrganisationRateLimiter) { self.limiter = limiter }

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if let wait = limiter.admit(context.caller.organisationID) {
            let seconds = Int(min(max(wait.timeInterval, 1), 3_600).rounded(.up))
            throw APIError(.tooManyRequests, reason: "organisation '\(context.caller.organisationID)' sent too many kafka creates and deletes; retry in \(seconds) s",
                           headers: [.retryAfter: String(seconds)])
        }
        return try await next(request, context)
    }
}
