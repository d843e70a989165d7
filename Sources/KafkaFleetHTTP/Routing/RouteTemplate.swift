/// A route path with `{name}` placeholders, and matching of concrete request paths against it
/// (empty segments, such as those of a trailing slash, are ignored as the router ignores them).
public struct RouteTemplate: Sendable, Hashable, CustomStringConvertible {
    /// The template's segments.
    public let segments: [String]

    /// A template from its text, e.g. `/api/kafkas_mgmt/v1/kafkas/{id}`.
    public init(_ text: String) {
        segments = text.split(separator: "/").map(String.init)
    }

    /// Whether a segment is a placeholder.
    public static func isPlaceholder(_ segment: String) -> Bool {
        segment.hasPrefix("{") && segment.hasSuffix("}")
    }

    /// Whether `path` (without query) matches the template.
    public func matches(_ path: String) -> Bool {
        let parts = path.split(separator: "/")
        guard parts.count == segments.count else { return false }
        return zip(segments, parts).allSatisfy { template, part in Self.isPlaceholder(template) || template == part }
    }

    /// The template with placeholders written `{}`, for comparing with another spelling of the same route.
    public var shape: String { "/" + segments.map { Self.isPlaceholder($0) ? "{}" : $0 }.joined(separator: "/") }

    public var description: String { "/" + segments.joined(separator: "/") }
}
