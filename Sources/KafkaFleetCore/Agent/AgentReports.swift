/// A Kubernetes-style condition as the agent reports it.
public struct AgentCondition: Sendable, Codable, Hashable {
    /// The condition's type; only `Ready` is read.
    public var type: String?
    /// Why the condition has its status, e.g. `Installing`, `Error`, `Deleted`.
    public var reason: String?
    /// A human-readable detail.
    public var message: String?
    /// `True`, `False` or `Unknown`.
    public var status: String?

    /// A condition from its parts.
    public init(type: String?, reason: String? = nil, message: String? = nil, status: String?) {
        self.type = type
        self.reason = reason
        self.message = message
        self.status = status
    }
}

/// The status of one kafka as its agent reports it (a value of `PUT /agent-clusters/{id}/kafkas/status`).
public struct DataPlaneKafkaStatus: Sendable, Codable, Hashable {
    /// The conditions; only `Ready` is read.
    public var conditions: [AgentCondition]?
    /// The versions running.
    public var versions: ManagedKafka.Versions?
    /// The routes clients use.
    public var routes: [ReportedRoute]?
    /// The URL of the instance's admin API.
    public var adminServerURI: String?

    /// A status report from its parts.
    public init(conditions: [AgentCondition]? = nil, versions: ManagedKafka.Versions? = nil, routes: [ReportedRoute]? = nil, adminServerURI: String? = nil) {
        self.conditions = conditions
        self.versions = versions
        self.routes = routes
        self.adminServerURI = adminServerURI
    }

    /// A route an agent reports: a name prefix and the router it points to.
    public struct ReportedRoute: Sendable, Codable, Hashable {
        /// The route's name; not stored.
        public var name: String?
        /// The prefix of the route's host before the bootstrap host; empty for the bootstrap route.
        public var prefix: String?
        /// The data-plane router the route's host must resolve to.
        public var router: String?

        /// A value from its parts.
        public init(name: String?, prefix: String?, router: String?) {
            self.name = name
            self.prefix = prefix
            self.router = router
        }
    }
}

/// The status of a cluster as its agent reports it (`PUT /agent-clusters/{id}/status`).
public struct DataPlaneClusterStatus: Sendable, Codable, Hashable {
    /// The conditions; only `Ready` is read.
    public var conditions: [AgentCondition]?
    /// The Strimzi operators installed.
    public var strimzi: [ReportedStrimzi]?
    /// Capacity per instance type, in streaming units.
    public var capacity: [String: ReportedCapacity]?

    /// A status report from its parts.
    public init(conditions: [AgentCondition]? = nil, strimzi: [ReportedStrimzi]? = nil, capacity: [String: ReportedCapacity]? = nil) {
        self.conditions = conditions
        self.strimzi = strimzi
        self.capacity = capacity
    }

    /// A Strimzi operator the agent reports.
    public struct ReportedStrimzi: Sendable, Codable, Hashable {
        /// The operator version, e.g. `strimzi-cluster-operator.v0.32.0-3`.
        public var version: String
        /// Whether the operator can run instances.
        public var ready: Bool
        /// The Kafka versions it can run.
        public var kafkaVersions: [String]?
        /// The inter-broker protocol versions it can run.
        public var kafkaIbpVersions: [String]?

        /// A value from its parts.
        public init(version: String, ready: Bool, kafkaVersions: [String]?, kafkaIbpVersions: [String]?) {
            self.version = version
            self.ready = ready
            self.kafkaVersions = kafkaVersions
            self.kafkaIbpVersions = kafkaIbpVersions
        }
    }

    /// Streaming units of one instance type.
    public struct ReportedCapacity: Sendable, Codable, Hashable {
        /// The streaming units the cluster can hold.
        public var maxUnits: Int?
        /// The streaming units still free.
        public var remainingUnits: Int?

        /// A value from its parts.
        public init(maxUnits: Int?, remainingUnits: Int?) {
            self.maxUnits = maxUnits
            self.remainingUnits = remainingUnits
        }
    }
}

/// What the agent of a cluster is told about its cluster (`GET /agent-clusters/{id}`).
public struct DataplaneClusterAgentConfig: Sendable, Codable, Hashable {
    /// The configuration.
    public var spec: Spec

    /// A value from its parts.
    public init(spec: Spec) { self.spec = spec }

    /// The configuration of the cluster's agent.
    public struct Spec: Sendable, Codable, Hashable {
        /// Network settings.
        public var net: Net
        /// The most nodes per instance type.
        public var capacity: [String: NodeCapacity]?
        /// Where the agent finds its observability configuration.
        public var observability: Observability

        /// A value from its parts.
        public init(net: Net, capacity: [String: NodeCapacity]?, observability: Observability) {
            self.net = net
            self.capacity = capacity
            self.observability = observability
        }
    }

    /// Network settings.
    public struct Net: Sendable, Codable, Hashable {
        /// Whether kafkas are reached through a private network.
        public var `private`: Bool

        /// A value from its parts.
        public init(private: Bool) { self.private = `private` }
    }

    /// The size of one instance type's machine pool.
    public struct NodeCapacity: Sendable, Codable, Hashable {
        /// The most nodes of the instance type's machine pool.
        public var maxNodes: Int?

        /// A value from its parts.
        public init(maxNodes: Int?) { self.maxNodes = maxNodes }
    }

    /// Where the observability configuration lives.
    public struct Observability: Sendable, Codable, Hashable {
        /// A token for the observability repository (empty, as in the reference).
        public var accessToken: String
        /// The observability channel.
        public var channel: String
        /// The observability repository.
        public var repository: String
        /// The observability tag.
        public var tag: String

        /// A value from its parts.
        public init(accessToken: String, channel: String, repository: String, tag: String) {
            self.accessToken = accessToken
            self.channel = channel
            self.repository = repository
            self.tag = tag
        }
    }
}
