import Foundation
import Yams

/// A problem with the configuration, naming the setting and where its value came from.
struct ConfigurationError: Error, CustomStringConvertible {
    let description: String
}

/// The raw values of every setting, resolved by precedence: flags, then `KAFKAFLEET_*` environment variables,
/// then the `--config` YAML file, then the defaults.
struct ConfigurationValues: Sendable {
    private var values: [ConfigurationKey: (value: String, source: String)] = [:]

    /// Resolves every key from the three sources.
    init(flags: [ConfigurationKey: String], environment: [String: String], configFile: String?) throws {
        var file: [String: String] = [:]
        if let configFile {
            file = try Self.readYAML(configFile)
            let known = Set(ConfigurationKey.allCases.map(\.yamlKey))
            if let unknown = file.keys.sorted().first(where: { !known.contains($0) }) {
                throw ConfigurationError(description: "unknown setting '\(unknown)' in \(configFile)")
            }
        }
        for key in ConfigurationKey.allCases {
            if let value = flags[key] {
                values[key] = (value, key.flag)
            } else if let value = environment[key.environmentVariable] {
                values[key] = (value, key.environmentVariable)
            } else if let value = file[key.yamlKey], let configFile {
                values[key] = (value, "\(key.yamlKey) in \(configFile)")
            } else if let value = key.defaultValue {
                values[key] = (value, "the default")
            }
        }
    }

    /// The value of `key`, if any source or the default sets it.
    func string(_ key: ConfigurationKey) -> String? { values[key]?.value }

    /// The value of `key` parsed by `parse`, failing with a message that names the key and its source.
    func parsed<T>(_ key: ConfigurationKey, expecting what: String, _ parse: (String) -> T?) throws -> T? {
        guard let (value, source) = values[key] else { return nil }
        guard let parsed = parse(value) else {
            throw ConfigurationError(description: "invalid value '\(value)' for \(key.flag) (from \(source)): expected \(what)")
        }
        return parsed
    }

    /// An existing file named by `key`, failing when it does not exist.
    func file(_ key: ConfigurationKey) throws -> String? {
        try parsed(key, expecting: "an existing file") { FileManager.default.isReadableFile(atPath: $0) ? $0 : nil }
    }

    private static func readYAML(_ path: String) throws -> [String: String] {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw ConfigurationError(description: "cannot read the configuration file \(path)")
        }
        let node: Any?
        do {
            node = try Yams.load(yaml: text)
        } catch {
            throw ConfigurationError(description: "the configuration file \(path) is not valid YAML: \(error)")
        }
        guard let mapping = node as? [String: Any] else {
            if node == nil { return [:] }
            throw ConfigurationError(description: "the configuration file \(path) must be a mapping of settings")
        }
        return mapping.mapValues { "\($0)" }
    }
}
