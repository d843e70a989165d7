extension InstanceTypeCatalog {
    /// The instance types KafkaFleet offers when no file is given: the same ids, sizes and billing models as
    /// the reference's shipped configuration, so that its clients see what they expect.
    public static let `default` = InstanceTypeCatalog(supportedInstanceTypes: [
        InstanceTypeConfig(
            id: "standard", displayName: "Standard",
            supportedBillingModels: [
                BillingModelConfig(id: "standard", amsResource: "rhosak", amsProduct: "RHOSAK", amsBillingModels: ["standard"]),
                BillingModelConfig(id: "marketplace", amsResource: "rhosak", amsProduct: "RHOSAK",
                                   amsBillingModels: ["marketplace", "marketplace-rhm", "marketplace-aws"]),
                BillingModelConfig(id: "eval", amsResource: "rhosak", amsProduct: "RHOSAKEval", amsBillingModels: ["standard"], gracePeriodDays: 4),
                BillingModelConfig(id: "enterprise", amsResource: "rhosak", amsProduct: "RHOSAKCC", amsBillingModels: ["standard"]),
            ],
            sizes: [
                InstanceSize(id: "x1", displayName: "1", ingressThroughputPerSec: "50Mi", egressThroughputPerSec: "100Mi",
                             totalMaxConnections: 9000, maxConnectionAttemptsPerSec: 100, maxDataRetentionSize: "1000Gi",
                             maxDataRetentionPeriod: "P14D", maxPartitions: 1500, maxMessageSize: "1Mi", minInSyncReplicas: 2,
                             replicationFactor: 3, quotaConsumed: 1, quotaType: "RHOSAK", capacityConsumed: 1,
                             supportedAZModes: ["multi"], lifespanSeconds: nil, maturityStatus: "stable"),
                InstanceSize(id: "x2", displayName: "2", ingressThroughputPerSec: "100Mi", egressThroughputPerSec: "200Mi",
                             totalMaxConnections: 18000, maxConnectionAttemptsPerSec: 200, maxDataRetentionSize: "2000Gi",
                             maxDataRetentionPeriod: "P14D", maxPartitions: 3000, maxMessageSize: "1Mi", minInSyncReplicas: 2,
                             replicationFactor: 3, quotaConsumed: 2, quotaType: "RHOSAK", capacityConsumed: 2,
                             supportedAZModes: ["multi"], lifespanSeconds: nil, maturityStatus: "preview"),
            ]
        ),
        InstanceTypeConfig(
            id: "developer", displayName: "Trial",
            supportedBillingModels: [
                BillingModelConfig(id: "standard", amsResource: "rhosak", amsProduct: "RHOSAKTrial", amsBillingModels: ["standard"]),
            ],
            sizes: [
                InstanceSize(id: "x1", displayName: "1", ingressThroughputPerSec: "1Mi", egressThroughputPerSec: "1Mi",
                             totalMaxConnections: 100, maxConnectionAttemptsPerSec: 50, maxDataRetentionSize: "10Gi",
                             maxDataRetentionPeriod: "P14D", maxPartitions: 100, maxMessageSize: "1Mi", minInSyncReplicas: 1,
                             replicationFactor: 1, quotaConsumed: 1, quotaType: "RHOSAKTrial", capacityConsumed: 1,
                             supportedAZModes: ["single"], lifespanSeconds: 172_800, maturityStatus: "stable"),
            ]
        ),
    ])
}

extension ProviderCatalog {
    /// The providers KafkaFleet offers when no file is given: `aws` with `us-east-1`, both instance types, no limits.
    public static let `default` = ProviderCatalog(supportedProviders: [
        CloudProviderConfig(name: "aws", isDefault: true, regions: [
            RegionConfig(name: "us-east-1", isDefault: true, supportedInstanceType: [
                "standard": RegionInstanceTypeLimit(), "developer": RegionInstanceTypeLimit(),
            ]),
        ]),
    ])
}
