/// Where the fleet is scaled: one instance type in one region of one cloud provider. Scale-up adds at most one
/// cluster per locator at a time.
public struct ScalingLocator: Sendable, Hashable, CustomStringConvertible {
    /// The cloud provider, e.g. `aws`.
    public var cloudProvider: String
    /// The region, e.g. `us-east-1`.
    public var region: String
    /// The instance type, e.g. `standard`.
    public var instanceType: String

    /// A locator from its parts.
    public init(cloudProvider: String, region: String, instanceType: String) {
        self.cloudProvider = cloudProvider
        self.region = region
        self.instanceType = instanceType
    }

    public var description: String { "\(cloudProvider)/\(region)/\(instanceType)" }
}
