import ArgumentParser

/// `kafkafleetd config-reference`: prints every setting with its flag, environment variable, YAML key and default,
/// as a Markdown table (the README's configuration reference is this output).
struct ConfigReferenceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config-reference",
        abstract: "Print every setting of `serve` as a Markdown table."
    )

    func run() {
        print(Self.markdown)
    }

    /// The reference table.
    static var markdown: String {
        var lines = [
            "| flag | environment | YAML key | default | meaning |",
            "| --- | --- | --- | --- | --- |",
        ]
        for key in ConfigurationKey.allCases {
            let fallback = key.defaultValue.map { "`\($0)`" } ?? "–"
            lines.append("| `\(key.flag)` | `\(key.environmentVariable)` | `\(key.yamlKey)` | \(fallback) | \(key.help) |")
        }
        return lines.joined(separator: "\n")
    }
}
