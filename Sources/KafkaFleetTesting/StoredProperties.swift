import Foundation

/// The stored properties of a value, found by reflection, so a test can tell which properties a change touched and
/// whether a mapping (a row map, a JSON type) covers all of them: a property added to a type then fails the test
/// until the mapping takes it.
public enum StoredProperties {
    /// The stored properties of `value`, by dotted path down into nested structs (`desiredVersions.kafka`), each with
    /// its value as text. Times, enums, optionals and collections are leaves.
    public static func of(_ value: Any, under prefix: String = "") -> [String: String] {
        var properties: [String: String] = [:]
        for child in Mirror(reflecting: value).children {
            guard let label = child.label else { continue }
            let path = prefix.isEmpty ? label : "\(prefix).\(label)"
            if Mirror(reflecting: child.value).displayStyle == .struct, !(child.value is Date) {
                properties.merge(of(child.value, under: path)) { first, _ in first }
            } else {
                properties[path] = String(reflecting: child.value)
            }
        }
        return properties
    }

    /// The paths whose values differ between two results of `of(_:under:)`.
    public static func changed(_ before: [String: String], _ after: [String: String]) -> Set<String> {
        Set(before.keys.filter { before[$0] != after[$0] })
    }
}
