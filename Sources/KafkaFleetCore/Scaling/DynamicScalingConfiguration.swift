/// The autoscaling bounds of one group of compute nodes (the file's `compute_node_autoscaling`).
public struct ComputeNodeAutoscaling: Sendable, Codable, Hashable {
    /// The fewest nodes the group scales down to; must be greater than zero.
    public var minComputeNodes: Int
    /// The most nodes the group scales up to; must be at least `minComputeNodes`.
    public var maxComputeNodes: Int

    enum CodingKeys: String, CodingKey {
        case minComputeNodes = "min_compute_nodes", maxComputeNodes = "max_compute_nodes"
    }

    /// Bounds from their parts.
    public init(minComputeNodes: Int, maxComputeNodes: Int) {
        self.minComputeNodes = minComputeNodes
        self.maxComputeNodes = maxComputeNodes
    }
}

/// The machines of one workload on a new data-plane cluster: their cloud-specific type and how many of them.
public struct ComputeMachine: Sendable, Codable, Hashable {
    /// The cloud provider's machine type, e.g. `r5.xlarge` or `custom-4-32768-ext`.
    public var computeMachineType: String
    /// How far the node group may scale.
    public var computeNodeAutoscaling: ComputeNodeAutoscaling

    enum CodingKeys: String, CodingKey {
        case computeMachineType = "compute_machine_type", computeNodeAutoscaling = "compute_node_autoscaling"
    }

    /// A machine group from its parts.
    public init(computeMachineType: String, computeNodeAutoscaling: ComputeNodeAutoscaling) {
        self.computeMachineType = computeMachineType
        self.computeNodeAutoscaling = computeNodeAutoscaling
    }
}

/// The machines of new data-plane clusters in one cloud provider: one group for cluster-wide workloads (ingress,
/// observability) and one machine pool per kafka instance type.
public struct ComputeMachines: Sendable, Codable, Hashable {
    /// The cluster-wide workload's machines.
    public var clusterWideWorkload: ComputeMachine
    /// The kafka workload's machines, by instance type (`standard`, `developer`).
    public var kafkaWorkloadPerInstanceType: [String: ComputeMachine]

    enum CodingKeys: String, CodingKey {
        case clusterWideWorkload = "cluster_wide_workload", kafkaWorkloadPerInstanceType = "kafka_workload_per_instance_type"
    }

    /// A provider's machines from their parts.
    public init(clusterWideWorkload: ComputeMachine, kafkaWorkloadPerInstanceType: [String: ComputeMachine]) {
        self.clusterWideWorkload = clusterWideWorkload
        self.kafkaWorkloadPerInstanceType = kafkaWorkloadPerInstanceType
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        clusterWideWorkload = try container.decode(ComputeMachine.self, forKey: .clusterWideWorkload)
        kafkaWorkloadPerInstanceType = try container.decodeIfPresent([String: ComputeMachine].self,
                                                                     forKey: .kafkaWorkloadPerInstanceType) ?? [:]
    }
}

/// How the data-plane fleet grows and shrinks on its own: the reference's `dynamic-scaling-configuration.yaml`,
/// with its keys. A key left out takes the reference's code default, so both triggers are on unless the file
/// turns them off; a trigger that is off still evaluates and logs (a dry run).
public struct DynamicScalingConfiguration: Sendable, Codable, Hashable {
    /// The OpenShift version new data-plane clusters are installed with, e.g. `openshift-v4.11.22`; empty means the
    /// provider's latest.
    public var newDataPlaneOpenShiftVersion: String
    /// Whether dynamic scale-up creates clusters (`false`: evaluate and log only).
    public var enableDynamicDataPlaneScaleUp: Bool
    /// Whether dynamic scale-down removes clusters (`false`: evaluate and log only).
    public var enableDynamicDataPlaneScaleDown: Bool
    /// The machines of new clusters, by cloud provider (`aws`, `gcp`).
    public var computeMachinePerCloudProvider: [String: ComputeMachines]

    /// The OpenShift version the reference uses when the file names none.
    public static let defaultOpenShiftVersion = "openshift-v4.11.36"

    enum CodingKeys: String, CodingKey {
        case newDataPlaneOpenShiftVersion = "new_data_plane_openshift_version"
        case enableDynamicDataPlaneScaleUp = "enable_dynamic_data_plane_scale_up"
        case enableDynamicDataPlaneScaleDown = "enable_dynamic_data_plane_scale_down"
        case computeMachinePerCloudProvider = "compute_machine_per_cloud_provider"
    }

    /// A configuration from its parts, with the reference's code defaults.
    public init(newDataPlaneOpenShiftVersion: String = DynamicScalingConfiguration.defaultOpenShiftVersion,
                enableDynamicDataPlaneScaleUp: Bool = true, enableDynamicDataPlaneScaleDown: Bool = true,
                computeMachinePerCloudProvider: [String: ComputeMachines] = [:]) {
        self.newDataPlaneOpenShiftVersion = newDataPlaneOpenShiftVersion
        self.enableDynamicDataPlaneScaleUp = enableDynamicDataPlaneScaleUp
        self.enableDynamicDataPlaneScaleDown = enableDynamicDataPlaneScaleDown
        self.computeMachinePerCloudProvider = computeMachinePerCloudProvider
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            newDataPlaneOpenShiftVersion: try container.decodeIfPresent(String.self, forKey: .newDataPlaneOpenShiftVersion)
                ?? Self.defaultOpenShiftVersion,
            enableDynamicDataPlaneScaleUp: try container.decodeIfPresent(Bool.self, forKey: .enableDynamicDataPlaneScaleUp) ?? true,
            enableDynamicDataPlaneScaleDown: try container.decodeIfPresent(Bool.self, forKey: .enableDynamicDataPlaneScaleDown) ?? true,
            computeMachinePerCloudProvider: try container.decodeIfPresent([String: ComputeMachines].self,
                                                                          forKey: .computeMachinePerCloudProvider) ?? [:]
        )
    }

    /// Checks every node group: both bounds greater than zero and the maximum at least the minimum. Throws the first
    /// offence found, walking providers and instance types in name order so the report is stable.
    public func validate() throws(DynamicScalingConfigurationError) {
        for provider in computeMachinePerCloudProvider.keys.sorted() {
            guard let machines = computeMachinePerCloudProvider[provider] else { continue }
            try Self.validate(machines.clusterWideWorkload.computeNodeAutoscaling,
                              at: "compute_machine_per_cloud_provider.\(provider).cluster_wide_workload")
            for instanceType in machines.kafkaWorkloadPerInstanceType.keys.sorted() {
                guard let machine = machines.kafkaWorkloadPerInstanceType[instanceType] else { continue }
                try Self.validate(machine.computeNodeAutoscaling,
                                  at: "compute_machine_per_cloud_provider.\(provider).kafka_workload_per_instance_type.\(instanceType)")
            }
        }
    }

    private static func validate(_ bounds: ComputeNodeAutoscaling, at path: String) throws(DynamicScalingConfigurationError) {
        if bounds.minComputeNodes <= 0 {
            throw DynamicScalingConfigurationError(.nonPositiveNodeCount, path: "\(path).compute_node_autoscaling.min_compute_nodes")
        }
        if bounds.maxComputeNodes <= 0 {
            throw DynamicScalingConfigurationError(.nonPositiveNodeCount, path: "\(path).compute_node_autoscaling.max_compute_nodes")
        }
        if bounds.maxComputeNodes < bounds.minComputeNodes {
            throw DynamicScalingConfigurationError(.maximumBelowMinimum, path: "\(path).compute_node_autoscaling")
        }
    }
}
