import Foundation
import KafkaFleetCore
@testable import kafkafleetd
import Testing

@Suite("The --dynamic-scaling-config setting")
struct DynamicScalingSettingTests {
    /// The reference's shipped file (AWS part), as YAML, with scale-down turned off.
    static let referenceFile = """
    new_data_plane_openshift_version: openshift-v4.11.22
    enable_dynamic_data_plane_scale_up: true
    enable_dynamic_data_plane_scale_down: false
    compute_machine_per_cloud_provider:
      aws:
        cluster_wide_workload:
          compute_machine_type: m5.2xlarge
          compute_node_autoscaling: {min_compute_nodes: 3, max_compute_nodes: 18}
        kafka_workload_per_instance_type:
          standard:
            compute_machine_type: r5.xlarge
            compute_node_autoscaling: {min_compute_nodes: 3, max_compute_nodes: 18}
          developer:
            compute_machine_type: m5.2xlarge
            compute_node_autoscaling: {min_compute_nodes: 1, max_compute_nodes: 3}
    """

    private func file(_ text: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("kafkafleetd-scaling-\(UUID().uuidString).yaml").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    private func catalogues(_ arguments: [String], environment: [String: String] = [:]) throws -> Catalogues {
        try Catalogues(try ServeCommand.parse(arguments).resolveConfiguration(environment: environment))
    }

    /// The message of the configuration error `body` throws, or `nil` when it throws none.
    private func refusal(_ body: () throws -> Void) -> String? {
        do {
            try body()
            return nil
        } catch let error as ConfigurationError {
            return error.description
        } catch {
            return "\(type(of: error)): \(error)"
        }
    }

    @Test("the file the flag names is read with the reference's keys")
    func loadsFromFlag() throws {
        let path = try file(Self.referenceFile)

        let scaling = try #require(try catalogues(["--dynamic-scaling-config", path, "--ocm-token", "t"]).scaling)

        #expect(scaling.newDataPlaneOpenShiftVersion == "openshift-v4.11.22")
        #expect(scaling.enableDynamicDataPlaneScaleUp)
        #expect(!scaling.enableDynamicDataPlaneScaleDown)
        let aws = try #require(scaling.computeMachinePerCloudProvider["aws"])
        #expect(aws.kafkaWorkloadPerInstanceType["standard"]
            == ComputeMachine(computeMachineType: "r5.xlarge", computeNodeAutoscaling: ComputeNodeAutoscaling(minComputeNodes: 3, maxComputeNodes: 18)))
        #expect(aws.kafkaWorkloadPerInstanceType["developer"]?.computeNodeAutoscaling.maxComputeNodes == 3)
        #expect(aws.clusterWideWorkload.computeMachineType == "m5.2xlarge")
    }

    @Test("the environment variable and the configuration file's key name the file too")
    func loadsFromEnvironmentAndFile() throws {
        let path = try file(Self.referenceFile)
        let fromEnvironment = try catalogues([], environment: ["KAFKAFLEET_DYNAMIC_SCALING_CONFIG": path, "KAFKAFLEET_OCM_TOKEN": "t"])
        #expect(fromEnvironment.scaling?.newDataPlaneOpenShiftVersion == "openshift-v4.11.22")

        let config = try file("dynamic_scaling_config: \(path)\nocm_token: t\n")
        #expect(try catalogues(["--config", config]).scaling?.newDataPlaneOpenShiftVersion == "openshift-v4.11.22")
    }

    @Test("without the setting there is no dynamic scaling")
    func absentByDefault() throws {
        #expect(try catalogues([]).scaling == nil)
    }

    @Test("the setting is refused with a configured cluster list, and without an OCM token")
    func refusedCombinations() throws {
        let path = try file(Self.referenceFile)
        let clusters = try file("clusters: []\n")

        #expect(refusal { _ = try catalogues(["--dynamic-scaling-config", path, "--ocm-token", "t", "--dataplane-config", clusters]) }
            == "--dynamic-scaling-config and --dataplane-config cannot both be set")
        #expect(refusal { _ = try catalogues(["--dynamic-scaling-config", path]) }
            == "--dynamic-scaling-config needs --ocm-token: new clusters are created through OCM")
    }

    @Test("a file whose node bounds are invalid is refused naming the file, the flag and the key")
    func refusesInvalidBounds() throws {
        let path = try file(Self.referenceFile.replacingOccurrences(of: "{min_compute_nodes: 1, max_compute_nodes: 3}",
                                                                    with: "{min_compute_nodes: 4, max_compute_nodes: 3}"))

        let message = refusal { _ = try catalogues(["--dynamic-scaling-config", path, "--ocm-token", "t"]) }

        #expect(message == "\(path) (--dynamic-scaling-config): compute_machine_per_cloud_provider.aws.kafka_workload_per_instance_type"
            + ".developer.compute_node_autoscaling: max_compute_nodes must be at least min_compute_nodes")
    }

    @Test("a file that is not the reference's format is refused naming the flag")
    func refusesMalformedFile() throws {
        let path = try file("enable_dynamic_data_plane_scale_up: sometimes\n")

        let message = try #require(refusal { _ = try catalogues(["--dynamic-scaling-config", path, "--ocm-token", "t"]) })

        #expect(message.contains("--dynamic-scaling-config"))
        #expect(message.contains(path))
    }
}
