/// The desired state of one kafka as its cluster's agent reads it (`GET /agent-clusters/{id}/kafkas`), in the
/// reference's wire shape: empty optional values are left out, nested objects are always present.
public struct ManagedKafka: Sendable, Codable, Hashable {
    /// The kafka id.
    public var id: String
    /// Always `ManagedKafka`.
    public var kind: String
    /// Name, namespace, annotations and labels.
    public var metadata: Metadata
    /// What the agent should run.
    public var spec: Spec

    /// A desired state from its parts.
    public init(id: String, metadata: Metadata, spec: Spec) {
        self.id = id
        self.kind = "ManagedKafka"
        self.metadata = metadata
        self.spec = spec
    }

    /// The Kubernetes metadata of the ManagedKafka resource.
    public struct Metadata: Sendable, Codable, Hashable {
        public var name: String?
        public var namespace: String?
        public var annotations: [String: String]
        public var labels: [String: String]

        public init(name: String?, namespace: String?, annotations: [String: String], labels: [String: String]) {
            self.name = name
            self.namespace = namespace
            self.annotations = annotations
            self.labels = labels
        }
    }

    /// The specification of the instance.
    public struct Spec: Sendable, Codable, Hashable {
        public var capacity: Capacity
        public var oauth: OAuth
        public var owners: [String]?
        public var endpoint: Endpoint
        public var versions: Versions
        public var deleted: Bool
        public var serviceAccounts: [ServiceAccount]?

        public init(capacity: Capacity, oauth: OAuth, owners: [String]?, endpoint: Endpoint, versions: Versions,
                    deleted: Bool, serviceAccounts: [ServiceAccount]?) {
            self.capacity = capacity
            self.oauth = oauth
            self.owners = owners
            self.endpoint = endpoint
            self.versions = versions
            self.deleted = deleted
            self.serviceAccounts = serviceAccounts
        }
    }

    /// The limits of the instance, from its size.
    public struct Capacity: Sendable, Codable, Hashable {
        public var ingressPerSec: String?
        public var egressPerSec: String?
        public var totalMaxConnections: Int?
        public var maxDataRetentionSize: String?
        public var maxPartitions: Int?
        public var maxDataRetentionPeriod: String?
        public var maxConnectionAttemptsPerSec: Int?

        public init(ingressPerSec: String?, egressPerSec: String?, totalMaxConnections: Int?, maxDataRetentionSize: String?,
                    maxPartitions: Int?, maxDataRetentionPeriod: String?, maxConnectionAttemptsPerSec: Int?) {
            self.ingressPerSec = ingressPerSec
            self.egressPerSec = egressPerSec
            self.totalMaxConnections = totalMaxConnections
            self.maxDataRetentionSize = maxDataRetentionSize
            self.maxPartitions = maxPartitions
            self.maxDataRetentionPeriod = maxDataRetentionPeriod
            self.maxConnectionAttemptsPerSec = maxConnectionAttemptsPerSec
        }
    }

    /// How the instance's brokers validate client tokens.
    public struct OAuth: Sendable, Codable, Hashable {
        public var tokenEndpointURI: String?
        public var jwksEndpointURI: String?
        public var validIssuerEndpointURI: String?
        public var userNameClaim: String?
        public var fallbackUserNameClaim: String?
        public var customClaimCheck: String?
        public var tlsTrustedCertificate: String?
        public var maximumSessionLifetime: Int

        public init(tokenEndpointURI: String? = nil, jwksEndpointURI: String? = nil, validIssuerEndpointURI: String? = nil,
                    userNameClaim: String? = nil, fallbackUserNameClaim: String? = nil, customClaimCheck: String? = nil,
                    tlsTrustedCertificate: String? = nil, maximumSessionLifetime: Int) {
            self.tokenEndpointURI = tokenEndpointURI
            self.jwksEndpointURI = jwksEndpointURI
            self.validIssuerEndpointURI = validIssuerEndpointURI
            self.userNameClaim = userNameClaim
            self.fallbackUserNameClaim = fallbackUserNameClaim
            self.customClaimCheck = customClaimCheck
            self.tlsTrustedCertificate = tlsTrustedCertificate
            self.maximumSessionLifetime = maximumSessionLifetime
        }
    }

    /// Where clients reach the instance.
    public struct Endpoint: Sendable, Codable, Hashable {
        public var bootstrapServerHost: String?

        public init(bootstrapServerHost: String?) { self.bootstrapServerHost = bootstrapServerHost }
    }

    /// The versions the agent should run.
    public struct Versions: Sendable, Codable, Hashable {
        public var kafka: String?
        public var strimzi: String?
        public var kafkaIbp: String?

        public init(kafka: String?, strimzi: String?, kafkaIbp: String?) {
            self.kafka = kafka
            self.strimzi = strimzi
            self.kafkaIbp = kafkaIbp
        }
    }

    /// A service account the agent sets up on the instance (the canary).
    public struct ServiceAccount: Sendable, Codable, Hashable {
        public var name: String
        public var principal: String
        public var password: String

        public init(name: String, principal: String, password: String) {
            self.name = name
            self.principal = principal
            self.password = password
        }
    }
}

/// The desired state of a cluster: `{"kind":"ManagedKafkaList","items":[...]}`.
public struct ManagedKafkaList: Sendable, Codable, Hashable {
    /// Always `ManagedKafkaList`.
    public var kind: String
    /// The desired kafkas.
    public var items: [ManagedKafka]

    /// A list of desired kafkas.
    public init(items: [ManagedKafka]) {
        self.kind = "ManagedKafkaList"
        self.items = items
    }
}
