import KafkaFleetStore
import Logging
import ServiceLifecycle

/// Migrates the store, then runs the services that need the schema (servers, workers, agent) as one group, so
/// that nothing touches the database before its schema is current.
struct MigratingRuntime: Service {
    let store: SQLFleetStore
    let services: @Sendable () async throws -> [any Service]
    let logger: Logger

    func run() async throws {
        try await store.migrate()
        let version = try await store.schemaVersion()
        logger.info("database migrated", metadata: ["schema_version": "\(version)"])
        let group = ServiceGroup(configuration: .init(services: try await services().map { .init(service: $0) }, logger: logger))
        try await group.run()
    }
}
