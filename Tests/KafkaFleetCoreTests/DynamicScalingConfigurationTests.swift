import Foundation
import KafkaFleetCore
import Testing

@Suite("Dynamic scaling configuration")
struct DynamicScalingConfigurationTests {
    /// The reference's shipped file (AWS part), in JSON, which is YAML too.
    static let referenceFile = """
    {
      "new_data_plane_openshift_version": "openshift-v4.11.22",
      "enable_dynamic_data_plane_scale_up": false,
      "enable_dynamic_data_plane_scale_down": false,
      "compute_machine_per_cloud_provider": {
        "aws": {
          "cluster_wide_workload": {"compute_machine_type": "m5.2xlarge",
                                    "compute_node_autoscaling": {"min_compute_nodes": 3, "max_compute_nodes": 18}},
          "kafka_workload_per_instance_type": {
            "standard": {"compute_machine_type": "r5.xlarge",
                         "compute_node_autoscaling": {"min_compute_nodes": 3, "max_compute_nodes": 18}},
            "developer": {"compute_machine_type": "m5.2xlarge",
                          "compute_node_autoscaling": {"min_compute_nodes": 1, "max_compute_nodes": 3}}
          }
        }
      }
    }
    """

    @Test("the reference's keys decode into the configuration, which validates")
    func decodesReferenceKeys() throws {
        // Given the reference's file
        let data = Data(Self.referenceFile.utf8)
        // When it is decoded
        let configuration = try JSONDecoder().decode(DynamicScalingConfiguration.self, from: data)
        // Then every key is read
        #expect(configuration.newDataPlaneOpenShiftVersion == "openshift-v4.11.22")
        #expect(!configuration.enableDynamicDataPlaneScaleUp)
        #expect(!configuration.enableDynamicDataPlaneScaleDown)
        let aws = try #require(configuration.computeMachinePerCloudProvider["aws"])
        #expect(aws.clusterWideWorkload == ComputeMachine(computeMachineType: "m5.2xlarge",
                                                           computeNodeAutoscaling: ComputeNodeAutoscaling(minComputeNodes: 3, maxComputeNodes: 18)))
        #expect(aws.kafkaWorkloadPerInstanceType["standard"]?.computeMachineType == "r5.xlarge")
        #expect(aws.kafkaWorkloadPerInstanceType["developer"]?.computeNodeAutoscaling.maxComputeNodes == 3)
        try configuration.validate()
    }

    @Test("keys left out take the reference's code defaults: both triggers on")
    func defaults() throws {
        // Given an empty file
        let data = Data("{}".utf8)
        // When it is decoded
        let configuration = try JSONDecoder().decode(DynamicScalingConfiguration.self, from: data)
        // Then the defaults apply
        #expect(configuration == DynamicScalingConfiguration())
        #expect(configuration.enableDynamicDataPlaneScaleUp)
        #expect(configuration.enableDynamicDataPlaneScaleDown)
        #expect(configuration.newDataPlaneOpenShiftVersion == DynamicScalingConfiguration.defaultOpenShiftVersion)
    }

    @Test("node bounds that are not positive, or whose maximum is below the minimum, are refused with the key's path",
          arguments: [
            (0, 3, DynamicScalingConfigurationError.Code.nonPositiveNodeCount, "compute_node_autoscaling.min_compute_nodes"),
            (-1, 3, .nonPositiveNodeCount, "compute_node_autoscaling.min_compute_nodes"),
            (1, 0, .nonPositiveNodeCount, "compute_node_autoscaling.max_compute_nodes"),
            (4, 3, .maximumBelowMinimum, "compute_node_autoscaling"),
          ])
    func refusesBadBounds(minimum: Int, maximum: Int, code: DynamicScalingConfigurationError.Code, key: String) throws {
        // Given a developer machine pool with these bounds
        let good = ComputeMachine(computeMachineType: "m5.2xlarge", computeNodeAutoscaling: ComputeNodeAutoscaling(minComputeNodes: 3, maxComputeNodes: 18))
        let bad = ComputeMachine(computeMachineType: "m5.2xlarge",
                                 computeNodeAutoscaling: ComputeNodeAutoscaling(minComputeNodes: minimum, maxComputeNodes: maximum))
        let configuration = DynamicScalingConfiguration(computeMachinePerCloudProvider: [
            "aws": ComputeMachines(clusterWideWorkload: good, kafkaWorkloadPerInstanceType: ["standard": good, "developer": bad]),
        ])
        // When it is validated, then it is refused naming the key
        let error = #expect(throws: DynamicScalingConfigurationError.self) { try configuration.validate() }
        #expect(error?.code == code)
        #expect(error?.path == "compute_machine_per_cloud_provider.aws.kafka_workload_per_instance_type.developer.\(key)")
    }

    @Test("equal minimum and maximum node counts are valid")
    func equalBoundsAreValid() throws {
        let fixed = ComputeMachine(computeMachineType: "r5.xlarge", computeNodeAutoscaling: ComputeNodeAutoscaling(minComputeNodes: 3, maxComputeNodes: 3))
        let configuration = DynamicScalingConfiguration(computeMachinePerCloudProvider: [
            "aws": ComputeMachines(clusterWideWorkload: fixed, kafkaWorkloadPerInstanceType: ["standard": fixed]),
        ])
        try configuration.validate()
    }
}
