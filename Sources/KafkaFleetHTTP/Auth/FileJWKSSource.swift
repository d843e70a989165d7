import Foundation
public import KafkaFleetCore

/// A JWKS read from a file on every (rare, throttled) load, so replacing the file rotates keys.
public struct FileJWKSSource: JWKSSource {
    /// The file's path.
    public var path: String

    /// A source reading `path`.
    public init(path: String) { self.path = path }

    public func loadJWKS() async throws -> String {
        try String(contentsOfFile: path, encoding: .utf8)
    }
}
