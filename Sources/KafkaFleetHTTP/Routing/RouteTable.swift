public import HTTPTypes
import Synchronization

/// The routes a router ended up with, kept for answering requests that match none: a known path with
/// another method is a 405, anything else a 404. Filled once when the responder is built.
public final class RouteTable: Sendable {
    /// One route.
    public struct Entry: Sendable, Hashable {
        /// The method.
        public var method: HTTPRequest.Method
        /// The path template.
        public var template: RouteTemplate
    }

    private let entries = Mutex<[Entry]>([])

    /// An empty table.
    public init() {}

    /// Replaces the routes.
    public func set(_ routes: [Entry]) { entries.withLock { $0 = routes } }

    /// The routes.
    public var routes: [Entry] { entries.withLock { $0 } }

    /// Whether some route has this path, with any method.
    public func hasPath(_ path: String) -> Bool { routes.contains { $0.template.matches(path) } }
}
