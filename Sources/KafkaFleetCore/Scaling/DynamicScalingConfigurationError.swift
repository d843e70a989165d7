/// Why a dynamic scaling configuration was refused, naming the offending key so an operator can fix the file.
public struct DynamicScalingConfigurationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong with the key.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private enum Base: Sendable, Hashable { case nonPositiveNodeCount, maximumBelowMinimum }
        private let base: Base
        private init(_ base: Base) { self.base = base }

        /// A node count is zero or negative; a node group needs at least one node.
        public static let nonPositiveNodeCount = Code(.nonPositiveNodeCount)
        /// `max_compute_nodes` is smaller than `min_compute_nodes`.
        public static let maximumBelowMinimum = Code(.maximumBelowMinimum)

        public var description: String {
            switch base {
            case .nonPositiveNodeCount: "a node count must be greater than zero"
            case .maximumBelowMinimum: "max_compute_nodes must be at least min_compute_nodes"
            }
        }
    }

    /// What is wrong.
    public var code: Code
    /// The dotted path of the offending key in the file.
    public var path: String

    /// An error from its parts.
    public init(_ code: Code, path: String) {
        self.code = code
        self.path = path
    }

    public var description: String { "\(path): \(code)" }
}
