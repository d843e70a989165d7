import ArgumentParser
import Foundation
import KafkaFleetStore

/// `kafkafleetctl migrate`: brings a database's schema up to this release and exits, so that an operator can
/// migrate before rolling out new replicas.
struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate", abstract: "Run the database migrations and exit."
    )

    @Option(help: "PostgreSQL URL (postgres://…); without it, the SQLite database of --data-dir.") var databaseURL: String?
    @Option(help: "The data directory holding the SQLite database.") var dataDir: String = "./.kafkafleet"

    func validate() throws {
        if let databaseURL, !(databaseURL.hasPrefix("postgres://") || databaseURL.hasPrefix("postgresql://")) {
            throw ValidationError("--database-url must be a postgres:// URL")
        }
    }

    func run() async throws {
        let store: SQLFleetStore
        if let databaseURL {
            store = try SQLFleetStore.postgres(url: databaseURL, maximumConnections: 2)
        } else {
            try FileManager.default.createDirectory(atPath: dataDir, withIntermediateDirectories: true)
            store = try await SQLFleetStore.sqlite(path: (dataDir as NSString).appendingPathComponent("kafkafleet.sqlite"))
        }
        let version = try await store.withRunning { store in
            try await store.migrate()
            return try await store.schemaVersion()
        }
        print("database schema at version \(version)")
    }
}
