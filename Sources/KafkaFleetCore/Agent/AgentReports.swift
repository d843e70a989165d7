/// A Kubernetes-style condition as the agent reports it.
public struct AgentCondition: Sendable, Codable, Hashable {
    public var type: String?
    public var reason: String?
    public var message: String?
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
    public var versions: ReportedVersions?
    /// The routes clients use.
    public var routes: [ReportedRoute]?
    /// The URL of the instance's admin API.
    public var adminServerURI: String?

    /// A status report from its parts.
    public init(conditions: [AgentCondition]? = nil, versions: ReportedVersions? = nil, routes: [ReportedRoute]? = nil, adminServerURI: String? = nil) {
        self.conditions = conditions
        self.versions = versions
        self.routes = routes
        self.adminServerURI = adminServerURI
    }

    /// The versions an agent reports running.
    public struct ReportedVersions: Sendable, Codable, Hashable {
        public var kafka: String?
        public var strimzi: String?
        public var kafkaIbp: String?

        public init(kafka: String?, strimzi: String?, kafkaIbp: String?) {
            self.kafka = kafka
            self.strimzi = strimzi
            self.kafkaIbp = kafkaIbp
        }
    }

    /// A route an agent reports: a name prefix and the router it points to.
    public struct ReportedRoute: Sendable, Codable, Hashable {
        public var name: String?
        public var prefix: String?
        public var router: String?

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
        public var version: String
        public var ready: Bool
        public var kafkaVersions: [String]?
        public var kafkaIbpVersions: [String]?

        public init(version: String, ready: Bool, kafkaVersions: [String]?, kafkaIbpVersions: [String]?) {
            self.version = version
            self.ready = ready
            self.kafkaVersions = kafkaVersions
            self.kafkaIbpVersions = kafkaIbpVersions
        }
    }

    /// Streaming units of one instance type.
    public struct ReportedCapacity: Sendable, Codable, Hashable {
        public var maxUnits: Int?
        public var remainingUnits: Int?

        public init(maxUnits: Int?, remainingUnits: Int?) {
            self.maxUnits = maxUnits
            self.remainingUnits = remainingUnits
        }
    }
}

/// What the agent of a cluster is told about its cluster (`GET /agent-clusters/{id}`).
public struct DataplaneClusterAgentConfig: Sendable, Codable, Hashable {
    public var spec: Spec

    public init(spec: Spec) { self.spec = spec }

    public struct Spec: Sendable, Codable, Hashable {
        public var net: Net
        public var capacity: [String: NodeCapacity]?
        public var observability: Observability

        public init(net: Net, capacity: [String: NodeCapacity]?, observability: Observability) {
            self.net = net
            self.capacity = capacity
            self.observability = observability
        }
    }

    public struct Net: Sendable, Codable, Hashable {
        public var `private`: Bool

        public init(private: Bool) { self.private = `private` }
    }

    public struct NodeCapacity: Sendable, Codable, Hashable {
        public var maxNodes: Int?

        public init(maxNodes: Int?) { self.maxNodes = maxNodes }
    }

    public struct Observability: Sendable, Codable, Hashable {
        public var accessToken: String
        public var channel: String
        public var repository: String
        public var tag: String

        public init(accessToken: String, channel: String, repository: String, tag: String) {
            self.accessToken = accessToken
            self.channel = channel
            self.repository = repository
            self.tag = tag
        }
    }
}
