/// A route of a kafka as stored after the agent reported it: the DNS name clients use and the
/// data-plane router it must point to.
public struct KafkaRoute: Sendable, Codable, Hashable {
    /// The DNS name of the route, e.g. `admin-api-<bootstrap host>`.
    public var domain: String
    /// The host name of the data-plane router the name resolves to.
    public var router: String

    /// A route from its two names.
    public init(domain: String, router: String) {
        self.domain = domain
        self.router = router
    }
}
