public import Logging

/// What the reconcilers work with: the store, the clock, the catalogues, the external providers and the
/// settings. Everything is a protocol, so the same reconcilers run on real adapters and on fakes.
public struct FleetEnvironment: Sendable {
    /// Where the fleet's state lives.
    public var store: any FleetStore
    /// The source of the current time.
    public var clock: any WallClock
    /// The instance types and sizes.
    public var instanceTypes: InstanceTypeCatalog
    /// Quota reservations.
    public var quota: any QuotaService
    /// DNS records of kafkas.
    public var dns: any DNSProvider
    /// Identity-provider clients of kafkas and agents.
    public var identity: any IdentityProvider
    /// Timeouts, page size, domain.
    public var settings: ReconcilerSettings
    /// Where reconcilers log.
    public var logger: Logger
    /// Where the reconcilers report kafka creations, deletions and status counts (for metrics).
    public var observer: any FleetObserver

    /// An environment from its parts.
    public init(store: any FleetStore, clock: any WallClock = SystemWallClock(), instanceTypes: InstanceTypeCatalog = .default,
                quota: any QuotaService, dns: any DNSProvider, identity: any IdentityProvider,
                settings: ReconcilerSettings = ReconcilerSettings(), logger: Logger = Logger(label: "kafkafleet.workers"),
                observer: any FleetObserver = NoFleetObserver()) {
        self.store = store
        self.clock = clock
        self.instanceTypes = instanceTypes
        self.quota = quota
        self.dns = dns
        self.identity = identity
        self.settings = settings
        self.logger = logger
        self.observer = observer
    }
}
