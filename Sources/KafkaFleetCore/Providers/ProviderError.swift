/// A failure of an external provider (DNS, identity, quota, cluster), classified so that reconcilers
/// know whether to retry.
public struct ProviderError: Error, Sendable, Hashable, CustomStringConvertible {
    /// How the provider failed.
    public enum Code: Sendable, Hashable {
        /// The provider could not be reached or answered with a server error; retrying may succeed.
        case unavailable
        /// The provider refused the request; retrying the same request will not succeed.
        case rejected
    }

    /// How the provider failed.
    public var code: Code
    /// Which provider, e.g. `route53`.
    public var provider: String
    /// A sentence for the log and for a failed reason.
    public var detail: String

    /// An error from its parts.
    public init(_ code: Code, provider: String, _ detail: String) {
        self.code = code
        self.provider = provider
        self.detail = detail
    }

    /// Whether retrying may succeed.
    public var isRetryable: Bool { code == .unavailable }

    public var description: String { "\(provider): \(detail)" }
}
