/// Builds the ManagedKafka an agent reads from a kafka row, its size and the OAuth settings.
public struct ManagedKafkaBuilder: Sendable {
    private let instanceTypes: InstanceTypeCatalog
    private let settings: AgentSettings

    /// A builder over the instance types and agent settings.
    public init(instanceTypes: InstanceTypeCatalog, settings: AgentSettings) {
        self.instanceTypes = instanceTypes
        self.settings = settings
    }

    /// The desired state of `kafka`. Throws when the kafka's size is not configured.
    public func build(_ kafka: KafkaRequest) throws -> ManagedKafka {
        guard let size = instanceTypes.size(instanceType: kafka.instanceType, sizeID: kafka.sizeID) else {
            throw FleetError(.general, "kafka \(kafka.id) has an unknown size \(kafka.instanceType).\(kafka.sizeID)")
        }
        let metadata = ManagedKafka.Metadata(
            name: kafka.name.nilIfEmpty, namespace: kafka.namespace.nilIfEmpty,
            annotations: ["bf2.org/id": kafka.id, "bf2.org/placementId": kafka.placementID],
            labels: [
                "bf2.org/kafkaInstanceProfileQuotaConsumed": String(size.quotaConsumed),
                "bf2.org/kafkaInstanceProfileType": kafka.instanceType,
                "bf2.org/suspended": kafka.status == .suspending || kafka.status == .suspended ? "true" : "false",
            ].filter { !$0.value.isEmpty }
        )
        let capacity = ManagedKafka.Capacity(
            ingressPerSec: size.ingressThroughputPerSec.nilIfEmpty, egressPerSec: size.egressThroughputPerSec.nilIfEmpty,
            totalMaxConnections: size.totalMaxConnections.nilIfZero,
            maxDataRetentionSize: (kafka.maxDataRetentionSize.isEmpty ? size.maxDataRetentionSize : kafka.maxDataRetentionSize).nilIfEmpty,
            maxPartitions: size.maxPartitions.nilIfZero, maxDataRetentionPeriod: size.maxDataRetentionPeriod.nilIfEmpty,
            maxConnectionAttemptsPerSec: size.maxConnectionAttemptsPerSec.nilIfZero
        )
        let sessionLifetime = kafka.reauthenticationEnabled ? 299_000 : 0
        let oauth: ManagedKafka.OAuth
        if settings.ssoRealmURL.isEmpty {
            oauth = ManagedKafka.OAuth(maximumSessionLifetime: 0)
        } else {
            let org = kafka.organisationID
            oauth = ManagedKafka.OAuth(
                tokenEndpointURI: "\(settings.ssoRealmURL)/protocol/openid-connect/token",
                jwksEndpointURI: "\(settings.ssoRealmURL)/protocol/openid-connect/certs",
                validIssuerEndpointURI: settings.ssoRealmURL,
                userNameClaim: settings.userNameClaim, fallbackUserNameClaim: settings.fallbackUserNameClaim,
                customClaimCheck: "@.rh-org-id == '\(org)'|| @.org_id == '\(org)'",
                maximumSessionLifetime: sessionLifetime
            )
        }
        let canary = kafka.canaryClientID.isEmpty || settings.ssoRealmURL.isEmpty
            ? nil
            : [ManagedKafka.ServiceAccount(name: "canary", principal: kafka.canaryClientID, password: kafka.canaryClientSecret)]
        let spec = ManagedKafka.Spec(
            capacity: capacity, oauth: oauth, owners: kafka.owner.isEmpty ? nil : [kafka.owner],
            endpoint: ManagedKafka.Endpoint(bootstrapServerHost: kafka.bootstrapServerHost.nilIfEmpty),
            versions: ManagedKafka.Versions(kafka: kafka.desiredVersions.kafka.nilIfEmpty, strimzi: kafka.desiredVersions.strimzi.nilIfEmpty,
                                            kafkaIbp: kafka.desiredVersions.kafkaIBP.nilIfEmpty),
            deleted: kafka.status == .deprovision, serviceAccounts: canary
        )
        return ManagedKafka(id: kafka.id, metadata: metadata, spec: spec)
    }
}

extension String {
    /// `nil` for the empty string, mirroring Go's `omitempty`.
    var nilIfEmpty: String? { isEmpty ? nil : self }
}

extension Int {
    /// `nil` for zero, mirroring Go's `omitempty`.
    var nilIfZero: Int? { self == 0 ? nil : self }
}
