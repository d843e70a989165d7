/// The switches of the kafka use cases that the reference exposes as flags.
public struct KafkaServiceSettings: Sendable, Hashable {
    /// Whether developer (Trial) instances may be created (`--allow-developer-instance`, default true).
    public var allowDeveloperInstances: Bool
    /// How many developer instances one owner may have in one organisation (`--max-allowed-developer-instances`, default 1).
    public var maxDeveloperInstancesPerOwner: Int
    /// How often a compare-and-set write is retried after another writer changed the row first.
    public var writeAttempts: Int

    /// The reference's defaults.
    public init(allowDeveloperInstances: Bool = true, maxDeveloperInstancesPerOwner: Int = 1, writeAttempts: Int = 5) {
        self.allowDeveloperInstances = allowDeveloperInstances
        self.maxDeveloperInstancesPerOwner = maxDeveloperInstancesPerOwner
        self.writeAttempts = writeAttempts
    }
}
