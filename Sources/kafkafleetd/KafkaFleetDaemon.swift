import ArgumentParser
import Foundation

/// `kafkafleetd`: the KafkaFleet control-plane daemon.
@main
struct KafkaFleetDaemon: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kafkafleetd",
        abstract: "The KafkaFleet control plane: API, reconcilers, agent API.",
        subcommands: [ServeCommand.self, ConfigReferenceCommand.self, DocsCommand.self],
        defaultSubcommand: ServeCommand.self
    )

    /// Runs the command; a usage error (unknown flag, bad value) prints one line and exits with 2.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let error as ExitCode {
            Foundation.exit(error.rawValue)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                print(fullMessage(for: error))
                Foundation.exit(0)
            }
            FileHandle.standardError.write(Data("kafkafleetd: \(message(for: error))\n".utf8))
            Foundation.exit(code == .validationFailure ? 2 : 1)
        }
    }
}
