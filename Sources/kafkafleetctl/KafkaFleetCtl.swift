import ArgumentParser
import Foundation
import KafkaFleetCore

/// `kafkafleetctl`: the admin CLI of KafkaFleet. Exit codes: 0 ok, 1 the server refused (or could not be
/// reached), 2 usage.
@main
struct KafkaFleetCtl: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kafkafleetctl",
        abstract: "Drive a KafkaFleet control plane: kafkas, clusters, tokens, a simulated agent, migrations.",
        subcommands: [
            KafkasCommand.self, ClustersCommand.self, TokenCommand.self, AgentCommand.self, MigrateCommand.self, ErrorsCommand.self,
        ]
    )

    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let error as ServerRefusal {
            fail(error.description, code: 1)
        } catch let error as StoreError {
            fail(error.description, code: 1)
        } catch let error as Unreachable {
            fail(error.description, code: 1)
        } catch let error as ExitCode {
            Foundation.exit(error.rawValue)
        } catch {
            if exitCode(for: error) == .success {
                print(fullMessage(for: error))
                Foundation.exit(0)
            }
            fail(message(for: error), code: 2)
        }
    }

    private static func fail(_ message: String, code: Int32) -> Never {
        FileHandle.standardError.write(Data("kafkafleetctl: \(message)\n".utf8))
        Foundation.exit(code)
    }
}
