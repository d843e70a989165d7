import Foundation
import KafkaFleetCore
import Yams

/// Reads the YAML files the configuration names (the reference's formats) into Core's types, failing with a
/// message that names the file.
enum ConfigurationFiles {
    /// Decodes the YAML file at `path` as `T`.
    static func decode<T: Decodable>(_ type: T.Type, from path: String, setting: ConfigurationKey) throws -> T {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw ConfigurationError(description: "cannot read \(path) (\(setting.flag)): \(error.localizedDescription)")
        }
        do {
            return try YAMLDecoder().decode(T.self, from: text)
        } catch {
            throw ConfigurationError(description: "\(path) (\(setting.flag)) is not a valid file of its kind: \(describe(error))")
        }
    }

    /// A YAML list of strings (the deny and access lists); numbers are read as text.
    static func strings(from path: String, setting: ConfigurationKey) throws -> [String] {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let node: Any?
        do { node = try Yams.load(yaml: text) } catch {
            throw ConfigurationError(description: "\(path) (\(setting.flag)) is not valid YAML: \(error)")
        }
        guard let list = node as? [Any] else {
            if node == nil { return [] }
            throw ConfigurationError(description: "\(path) (\(setting.flag)) must be a YAML list")
        }
        return list.map { "\($0)" }
    }

    private static func describe(_ error: any Error) -> String {
        switch error {
        case let DecodingError.keyNotFound(key, context):
            return "missing key '\(key.stringValue)' at \(path(context))"
        case let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context),
             let DecodingError.dataCorrupted(context):
            return "\(context.debugDescription) at \(path(context))"
        default:
            return "\(error)"
        }
    }

    private static func path(_ context: DecodingError.Context) -> String {
        let path = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
        return path.isEmpty ? "the top level" : path
    }
}

/// The admin API's roles per HTTP method: the reference's `admin-authz-configuration.yaml` entry.
struct AdminAuthzEntry: Codable {
    var method: String
    var roles: [String]
}
