import ArgumentParser

/// `kafkafleetd`: the KafkaFleet control-plane daemon.
@main
struct KafkaFleetDaemon: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kafkafleetd",
        abstract: "The KafkaFleet control plane: API, reconcilers, agent API.",
        subcommands: [ServeCommand.self, ConfigReferenceCommand.self, DocsCommand.self],
        defaultSubcommand: ServeCommand.self
    )
}
