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
        /// The kafka's user-chosen name.
        public var name: String?
        /// The data-plane namespace, `kafka-<id>`.
        public var namespace: String?
        /// The kafka id (`bf2.org/id`) and placement id (`bf2.org/placementId`).
        public var annotations: [String: String]
        /// Instance type, quota consumed and suspension flag, under `bf2.org/` keys.
        public var labels: [String: String]

        /// A value from its parts.
        public init(name: String?, namespace: String?, annotations: [String: String], labels: [String: String]) {
            self.name = name
            self.namespace = namespace
            self.annotations = annotations
            self.labels = labels
        }
    }

    /// The specification of the instance.
    public struct Spec: Sendable, Codable, Hashable {
        /// The limits of the instance's size.
        public var capacity: Capacity
        /// How brokers validate client tokens.
        public var oauth: OAuth
        /// The usernames that own the instance.
        public var owners: [String]?
        /// Where clients connect.
        public var endpoint: Endpoint
        /// The versions to run.
        public var versions: Versions
        /// Whether the agent should remove the instance.
        public var deleted: Bool
        /// Service accounts to create on the instance (the canary).
        public var serviceAccounts: [ServiceAccount]?

        /// A value from its parts.
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
        /// Ingress throughput limit, a Kubernetes quantity such as `50Mi`.
        public var ingressPerSec: String?
        /// Egress throughput limit, a Kubernetes quantity such as `100Mi`.
        public var egressPerSec: String?
        /// The most client connections.
        public var totalMaxConnections: Int?
        /// The most data kept, a Kubernetes quantity such as `1000Gi`.
        public var maxDataRetentionSize: String?
        /// The most partitions over all topics.
        public var maxPartitions: Int?
        /// The longest retention, an ISO-8601 duration such as `P14D`.
        public var maxDataRetentionPeriod: String?
        /// The most connection attempts per second.
        public var maxConnectionAttemptsPerSec: Int?

        /// A value from its parts.
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
        /// The identity provider's token endpoint.
        public var tokenEndpointURI: String?
        /// The identity provider's JWKS endpoint.
        public var jwksEndpointURI: String?
        /// The issuer client tokens must carry.
        public var validIssuerEndpointURI: String?
        /// The claim naming a client (`clientId`).
        public var userNameClaim: String?
        /// The claim used when the first is missing (`preferred_username`).
        public var fallbackUserNameClaim: String?
        /// A JSONPath check that a token belongs to the instance's organisation.
        public var customClaimCheck: String?
        /// A CA certificate to trust when calling the identity provider.
        public var tlsTrustedCertificate: String?
        /// Milliseconds after which clients must re-authenticate; 0 disables re-authentication.
        public var maximumSessionLifetime: Int

        /// A value from its parts.
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
        /// The bootstrap host, without port.
        public var bootstrapServerHost: String?

        /// A value from its parts.
        public init(bootstrapServerHost: String?) { self.bootstrapServerHost = bootstrapServerHost }
    }

    /// The Kafka, Strimzi and IBP versions: what the agent should run (in a ManagedKafka) or runs (in a report).
    public struct Versions: Sendable, Codable, Hashable {
        /// The Kafka version, e.g. `3.3.1`.
        public var kafka: String?
        /// The Strimzi operator version.
        public var strimzi: String?
        /// The inter-broker protocol version, e.g. `3.3`.
        public var kafkaIbp: String?

        /// A value from its parts.
        public init(kafka: String?, strimzi: String?, kafkaIbp: String?) {
            self.kafka = kafka
            self.strimzi = strimzi
            self.kafkaIbp = kafkaIbp
        }
    }

    /// A service account the agent sets up on the instance (the canary).
    public struct ServiceAccount: Sendable, Codable, Hashable {
        /// The kafka's user-chosen name.
        public var name: String
        /// The account's client id.
        public var principal: String
        /// The account's secret.
        public var password: String

        /// A value from its parts.
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
