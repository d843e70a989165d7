/// One parameter the customer passes to the agent (fleetshard) add-on of an enterprise cluster.
public struct FleetshardParameter: Sendable, Hashable {
    /// The parameter's name, e.g. `sso-client-id`.
    public var id: String
    /// Its value.
    public var value: String

    /// A parameter from its parts.
    public init(id: String, value: String) {
        self.id = id
        self.value = value
    }
}
