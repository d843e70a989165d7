import Foundation
import Yams

/// Converts a composed YAML tree to JSON text, keeping the order of mapping keys and the scalar types YAML
/// resolved (integers, floats, booleans, null; everything else a string).
enum YAMLToJSON {
    /// Why a tree has no JSON form.
    struct Unsupported: Error, CustomStringConvertible {
        var description: String
    }

    static func json(of node: Node) throws -> String {
        switch node {
        case let .scalar(scalar):
            guard scalar.style == .plain else { return quoted(scalar.string) }
            if let int = node.int { return String(int) }
            if let float = node.float, float.isFinite { return String(float) }
            if let bool = node.bool { return bool ? "true" : "false" }
            if node.null != nil { return "null" }
            return quoted(scalar.string)
        case let .mapping(mapping):
            let members = try mapping.map { key, value in "\(quoted(key.string ?? "")):\(try json(of: value))" }
            return "{" + members.joined(separator: ",") + "}"
        case let .sequence(sequence):
            return "[" + (try sequence.map(json(of:))).joined(separator: ",") + "]"
        case .alias:
            throw Unsupported(description: "YAML aliases are not supported in the OpenAPI document")
        }
    }

    private static func quoted(_ text: String) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        return (try? encoder.encode(text)).map { String(decoding: $0, as: UTF8.self) } ?? "\"\""
    }
}
