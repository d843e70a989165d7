import Foundation
import KafkaFleetCore
import Testing

/// One row of the scale-up decision table: the clusters of `aws`/`us-east-1`/`standard` (largest size 2 units) and
/// the region's limits, and what the evaluation must decide.
struct ScaleUpCase: Sendable, CustomTestStringConvertible {
    var name: String
    var usage: [StreamingUnitUsage]
    var limit: Int? = nil
    var slack: Int? = nil
    var expected: ScaleUpDecision

    var testDescription: String { name }
}

extension StreamingUnitUsage {
    /// A row of `aws`/`us-east-1`, by default a ready managed `standard` cluster.
    static func row(_ clusterID: String, used: Int, max: Int, status: ClusterStatus = .ready, clusterType: ClusterType = .managed,
                    instanceType: String = "standard") -> StreamingUnitUsage {
        StreamingUnitUsage(clusterID: clusterID, cloudProvider: "aws", region: "us-east-1", instanceType: instanceType,
                           usedUnits: used, maxUnits: max, status: status, clusterType: clusterType)
    }
}

@Suite("Scaling evaluation")
struct ScalingEvaluationTests {
    static let locator = ScalingLocator(cloudProvider: "aws", region: "us-east-1", instanceType: "standard")

    static let scaleUpCases: [ScaleUpCase] = [
        ScaleUpCase(name: "no cluster at all: the largest size fits nowhere", usage: [], expected: .largestSizeFitsNowhere),
        ScaleUpCase(name: "a ready cluster with room and no slack asked: enough", usage: [.row("a", used: 5, max: 10)],
                    expected: .enoughCapacity),
        ScaleUpCase(name: "one free unit is less than the largest size of two", usage: [.row("a", used: 9, max: 10)],
                    expected: .largestSizeFitsNowhere),
        ScaleUpCase(name: "free units spread over clusters do not fit the largest size",
                    usage: [.row("a", used: 9, max: 10), .row("b", used: 9, max: 10)], expected: .largestSizeFitsNowhere),
        ScaleUpCase(name: "free units below the slack", usage: [.row("a", used: 5, max: 10)], slack: 6, expected: .slackBelowMinimum),
        ScaleUpCase(name: "free units equal to the slack are enough", usage: [.row("a", used: 5, max: 10)], slack: 5,
                    expected: .enoughCapacity),
        ScaleUpCase(name: "the region limit used up wins over everything",
                    usage: [.row("a", used: 10, max: 10), .row("b", used: 0, max: 0, status: .provisioning)], limit: 10, slack: 5,
                    expected: .regionLimitReached),
        ScaleUpCase(name: "a region limit not yet reached does not stop scale-up", usage: [.row("a", used: 9, max: 10)], limit: 20,
                    expected: .largestSizeFitsNowhere),
        ScaleUpCase(name: "a cluster being built means a scale-up is ongoing",
                    usage: [.row("a", used: 10, max: 10), .row("b", used: 0, max: 0, status: .accepted)], expected: .scaleUpOngoing),
        ScaleUpCase(name: "a cluster waiting for its agent is still being built",
                    usage: [.row("b", used: 0, max: 10, status: .waitingForAgent)], slack: 3, expected: .scaleUpOngoing),
        ScaleUpCase(name: "leaving clusters do not count",
                    usage: [.row("a", used: 0, max: 10, status: .deprovisioning), .row("b", used: 0, max: 10, status: .cleanup)],
                    expected: .largestSizeFitsNowhere),
        ScaleUpCase(name: "enterprise clusters do not count", usage: [.row("a", used: 0, max: 10, clusterType: .enterprise)],
                    expected: .largestSizeFitsNowhere),
        ScaleUpCase(name: "clusters of another instance type do not count",
                    usage: [.row("a", used: 0, max: 10, instanceType: "developer")], expected: .largestSizeFitsNowhere),
    ]

    @Test("scale-up follows the reference's rules in order", arguments: scaleUpCases)
    func scaleUpRules(_ testCase: ScaleUpCase) {
        // Given the clusters and limits of the case
        let evaluation = ScalingEvaluation(providers: ScalingFleet.providers(limit: testCase.limit, slack: testCase.slack),
                                           instanceTypes: .default)
        // When the locator is evaluated
        let decision = evaluation.scaleUpDecision(for: Self.locator, in: FleetCapacitySummary(usage: testCase.usage))
        // Then the expected rule decides
        #expect(decision == testCase.expected)
    }

    @Test("a locator the catalogues do not offer never needs a scale-up",
          arguments: [ScalingLocator(cloudProvider: "gcp", region: "us-east-1", instanceType: "standard"),
                      ScalingLocator(cloudProvider: "aws", region: "eu-west-1", instanceType: "standard"),
                      ScalingLocator(cloudProvider: "aws", region: "us-east-1", instanceType: "developer")])
    func notOffered(locator: ScalingLocator) {
        let evaluation = ScalingEvaluation(providers: ScalingFleet.providers(), instanceTypes: .default)
        #expect(evaluation.scaleUpDecision(for: locator, in: FleetCapacitySummary(usage: [])) == .notOffered)
    }

    @Test("only the largest-size and slack rules ask for a cluster")
    func needsScaleUp() {
        let asking = ScaleUpDecision.allCases.filter(\.needsScaleUp)
        #expect(Set(asking) == [.largestSizeFitsNowhere, .slackBelowMinimum])
    }

    @Test("the locators are every provider, region and instance type of the catalogue")
    func locators() {
        let evaluation = ScalingEvaluation(providers: ScalingFleet.providers(instanceTypes: ["standard", "developer"]),
                                           instanceTypes: .default)
        #expect(evaluation.locators.map(\.description) == ["aws/us-east-1/developer", "aws/us-east-1/standard"])
    }

    // MARK: scale-down

    static func cluster(_ clusterID: String, status: ClusterStatus = .ready, clusterType: ClusterType = .managed,
                        region: String = "us-east-1") -> DataPlaneCluster {
        DataPlaneCluster(id: clusterID, clusterID: clusterID, status: status, providerType: .ocm, clusterType: clusterType,
                         cloudProvider: "aws", region: region, multiAZ: true, clusterDNS: "",
                         supportedInstanceTypes: ["standard"], now: Date(timeIntervalSince1970: 0))
    }

    static func choices(_ clusters: [DataPlaneCluster], usage: [StreamingUnitUsage], slack: Int? = nil) -> [String: ScaleDownChoice.Reason] {
        let evaluation = ScalingEvaluation(providers: ScalingFleet.providers(slack: slack), instanceTypes: .default)
        let chosen = evaluation.scaleDownChoices(among: clusters, in: FleetCapacitySummary(usage: usage))
        return Dictionary(uniqueKeysWithValues: chosen.map { ($0.cluster.clusterID, $0.reason) })
    }

    @Test("an empty cluster goes when another cluster has room to spare")
    func emptyClusterWithRoomElsewhere() {
        let chosen = Self.choices([Self.cluster("a"), Self.cluster("b")],
                                  usage: [.row("a", used: 0, max: 10), .row("b", used: 3, max: 10)])
        #expect(chosen == ["a": .capacityRemains])
    }

    @Test("the last empty cluster of a region stays, since without it the largest size would fit nowhere")
    func lastClusterStays() {
        #expect(Self.choices([Self.cluster("a")], usage: [.row("a", used: 0, max: 10)]).isEmpty)
    }

    @Test("a cluster still being built is not counted as room that lets an empty cluster go")
    func clustersBeingBuiltDoNotCount() {
        let chosen = Self.choices([Self.cluster("a"), Self.cluster("b", status: .provisioning)],
                                  usage: [.row("a", used: 0, max: 10), .row("b", used: 0, max: 10, status: .provisioning)])
        #expect(chosen.isEmpty)
    }

    @Test("clusters that host kafkas, are not ready or are enterprise clusters never go",
          arguments: [(ClusterStatus.ready, ClusterType.managed, 1), (.waitingForAgent, .managed, 0), (.ready, .enterprise, 0)])
    func neverChosen(status: ClusterStatus, clusterType: ClusterType, used: Int) {
        let chosen = Self.choices([Self.cluster("a", status: status, clusterType: clusterType), Self.cluster("b")],
                                  usage: [.row("a", used: used, max: 10, status: status, clusterType: clusterType),
                                          .row("b", used: 1, max: 10)])
        #expect(chosen["a"] == nil)
    }

    @Test("two empty clusters where the slack needs one: exactly one goes")
    func twoEmptyClustersKeepOne() {
        let chosen = Self.choices([Self.cluster("a"), Self.cluster("b")],
                                  usage: [.row("a", used: 0, max: 10), .row("b", used: 0, max: 10)], slack: 5)
        #expect(chosen.count == 1)
    }

    @Test("two empty clusters where the slack needs both: neither goes")
    func twoEmptyClustersKeepBoth() {
        let chosen = Self.choices([Self.cluster("a"), Self.cluster("b")],
                                  usage: [.row("a", used: 0, max: 10), .row("b", used: 0, max: 10)], slack: 15)
        #expect(chosen.isEmpty)
    }

    @Test("an empty cluster in a region no longer configured goes, even as the region's only cluster")
    func regionNoLongerConfigured() {
        let cluster = Self.cluster("a", region: "eu-west-1")
        let usage = StreamingUnitUsage(clusterID: "a", cloudProvider: "aws", region: "eu-west-1", instanceType: "standard",
                                       usedUnits: 0, maxUnits: 10, status: .ready)
        #expect(Self.choices([cluster], usage: [usage]) == ["a": .regionNotConfigured])
    }
}
