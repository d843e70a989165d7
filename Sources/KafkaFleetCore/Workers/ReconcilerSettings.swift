/// Timeouts, page sizes and names the kafka and cluster reconcilers share.
public struct ReconcilerSettings: Sendable, Hashable {
    /// How long an accepted kafka waits for a cluster with room before it fails (the reference's 1 h).
    public var placementTimeout: Duration
    /// How long an accepted kafka waits for its cluster to report a ready Strimzi version (the reference's 5 min).
    public var strimziVersionTimeout: Duration
    /// How long a preparing kafka may keep meeting retryable provider errors before it fails (the reference's 5 min).
    public var preparingTimeout: Duration
    /// How long a provisioning kafka waits for its agent's Ready report before it fails (the reference waits forever).
    public var provisioningTimeout: Duration
    /// The most items one pass handles.
    public var pageSize: Int
    /// The DNS domain under which kafkas get their bootstrap hosts, e.g. `kafka.example.com`.
    public var kafkaDomainName: String

    /// Settings with the defaults of the reference, except the provisioning timeout (30 minutes).
    public init(
        placementTimeout: Duration = .seconds(3600), strimziVersionTimeout: Duration = .seconds(300),
        preparingTimeout: Duration = .seconds(300), provisioningTimeout: Duration = .seconds(1800),
        pageSize: Int = 100, kafkaDomainName: String = "kafka.kafkafleet.local"
    ) {
        self.placementTimeout = placementTimeout
        self.strimziVersionTimeout = strimziVersionTimeout
        self.preparingTimeout = preparingTimeout
        self.provisioningTimeout = provisioningTimeout
        self.pageSize = pageSize
        self.kafkaDomainName = kafkaDomainName
    }
}
