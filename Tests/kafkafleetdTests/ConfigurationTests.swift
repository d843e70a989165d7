import Foundation
@testable import kafkafleetd
import Testing

@Suite("Daemon configuration")
struct ConfigurationTests {
    private func resolve(_ arguments: [String], environment: [String: String] = [:]) throws -> DaemonConfiguration {
        let command = try ServeCommand.parse(arguments)
        return try command.resolveConfiguration(environment: environment)
    }

    private func temporaryFile(_ text: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("kafkafleetd-\(UUID().uuidString).yaml").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test("with nothing set, the embedded default: SQLite in ./.kafkafleet, the reference's ports on loopback")
    func defaults() throws {
        let configuration = try resolve([])
        #expect(configuration.dataDirectory == "./.kafkafleet")
        #expect(configuration.database == .sqlite(path: URL(fileURLWithPath: "./.kafkafleet").appendingPathComponent("kafkafleet.sqlite").path))
        #expect(configuration.bind.description == "127.0.0.1:8000")
        #expect(configuration.metricsBind.description == "127.0.0.1:8080")
        #expect(configuration.healthBind.description == "127.0.0.1:8083")
        #expect(configuration.simulatedReadyAfter == .seconds(2))
        #expect(configuration.usesDevelopmentKey)
        #expect(configuration.logFormat == .text)
    }

    @Test("a flag wins over the environment, which wins over the file, which wins over the default")
    func precedence() throws {
        let file = try temporaryFile("bind: 127.0.0.1:7001\nmetrics_bind: 127.0.0.1:7002\nhealth_bind: 127.0.0.1:7003\n")
        let environment = ["KAFKAFLEET_BIND": "127.0.0.1:6001", "KAFKAFLEET_METRICS_BIND": "127.0.0.1:6002"]

        let configuration = try resolve(["--config", file, "--bind", "127.0.0.1:5001"], environment: environment)

        #expect(configuration.bind.port == 5001)
        #expect(configuration.metricsBind.port == 6002)
        #expect(configuration.healthBind.port == 7003)
    }

    @Test("a bad value is refused with a message naming the flag and where the value came from", arguments: [
        (["--bind", "nowhere"], [String: String](), "invalid value 'nowhere' for --bind (from --bind): expected host:port"),
        ([], ["KAFKAFLEET_SIMULATED_READY_AFTER": "soon"], "invalid value 'soon' for --simulated-ready-after (from KAFKAFLEET_SIMULATED_READY_AFTER): expected a number of seconds up to a year"),
        (["--log-format", "xml"], [:], "invalid value 'xml' for --log-format (from --log-format): expected text or json"),
        (["--database-url", "mysql://x"], [:], "invalid value 'mysql://x' for --database-url (from --database-url): expected a postgres:// or postgresql:// URL"),
        (["--quota-list", "/does/not/exist"], [:], "invalid value '/does/not/exist' for --quota-list (from --quota-list): expected an existing file"),
        (["--resync-interval", "1e300"], [:], "invalid value '1e300' for --resync-interval (from --resync-interval): expected a number of seconds up to a year"),
        (["--max-connections", "0"], [:], "invalid value '0' for --max-connections (from --max-connections): expected a whole number of at least 1"),
        (["--max-body-size", "99999999999999999999"], [:],
         "invalid value '99999999999999999999' for --max-body-size (from --max-body-size): expected a whole number of at least 1024"),
        (["--header-read-timeout", "0"], [:], "--header-read-timeout must be more than 0 seconds"),
    ])
    func refusals(arguments: [String], environment: [String: String], message: String) throws {
        #expect(throws: ConfigurationError.self) { try resolve(arguments, environment: environment) }
        do {
            _ = try resolve(arguments, environment: environment)
        } catch let error as ConfigurationError {
            #expect(error.description == message)
        }
    }

    @Test("an unknown key in the configuration file is refused")
    func unknownKey() throws {
        let file = try temporaryFile("bnid: 127.0.0.1:1\n")
        #expect(throws: ConfigurationError.self) { try resolve(["--config", file]) }
    }

    @Test("the deny list file names the users whose kafkas housekeeping deprovisions; without it nobody is denied")
    func denyList() throws {
        let file = try temporaryFile("- mallory\n- eve\n")

        #expect(try Catalogues(try resolve(["--deny-list", file])).deniedUsers == ["mallory", "eve"])
        #expect(try Catalogues(try resolve([])).deniedUsers.isEmpty)
    }

    @Test("every setting of the reference table has a flag of serve, and every flag of serve is in the table")
    func referenceMatchesFlags() throws {
        let help = ServeCommand.helpMessage(columns: 10_000)
        for key in ConfigurationKey.allCases {
            #expect(help.contains(key.flag + " "), "\(key.flag) missing from serve")
        }
        let flags = Set(help.matches(of: /--([a-z][a-z0-9-]+)/).map { String($0.output.1) })
        let documented = Set(ConfigurationKey.allCases.map(\.rawValue)).union(["config", "help"])
        #expect(flags.subtracting(documented).isEmpty, "flags missing from the reference: \(flags.subtracting(documented))")
        #expect(ConfigReferenceCommand.markdown.components(separatedBy: "\n").count == ConfigurationKey.allCases.count + 2)
    }
}

@Suite("README")
struct ReadmeTests {
    @Test("the README's configuration reference is the one the daemon prints")
    func configurationReference() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        #expect(readme.contains(ConfigReferenceCommand.markdown), "run `kafkafleetd config-reference` and paste its table into README.md")
    }
}
