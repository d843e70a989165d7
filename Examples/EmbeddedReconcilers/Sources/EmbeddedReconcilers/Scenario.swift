import KafkaFleetCore
import ServiceLifecycle

/// The story the example tells, as the service whose end ends the program: wait for the cluster, create a kafka as a
/// user would through the public API, wait until it is ready, delete it, wait until it is gone, and print the status
/// history the store kept. Each wait has a deadline; missing one throws, and the program exits non-zero.
struct Scenario: Service {
    /// The use cases behind the public API.
    let kafkas: KafkaService
    /// Where the example reads what the reconcilers did.
    let store: any FleetStore
    /// The cluster the kafka lands on.
    let clusterID: String
    /// The example's DNS provider, to show that deletion removed every record.
    let dns: RecordingDNSProvider
    /// How long each step may take.
    let stepDeadline: Duration

    func run() async throws {
        try await waitUntil("the cluster is ready") { try await store.cluster(clusterID: clusterID)?.status == .ready }
        print("cluster \(clusterID): ready")

        let alice = Requester(username: "alice", organisationID: "example-org")
        let created = try await kafkas.create(KafkaCreatePayload(name: "example", cloudProvider: "aws", region: "us-east-1"),
                                              by: alice, async: true)
        print("kafka \(created.id): \(created.status.rawValue)")
        try await waitUntil("the kafka is ready") { try await store.kafka(id: created.id)?.status == .ready }
        let ready = try await store.kafka(id: created.id)
        print("kafka \(created.id): ready, bootstrap server \(ready?.bootstrapServerHost ?? "?")")

        try await kafkas.delete(id: created.id, by: alice, async: true)
        try await waitUntil("the kafka is deleted") { try await store.kafka(id: created.id) == nil }
        let history = try await store.statusEvents(resourceID: created.id).map(\.toStatus)
        print("kafka \(created.id): \(history.joined(separator: " → "))")

        let leftOver = await dns.records
        guard leftOver.isEmpty else { throw ExampleFailure("DNS records left after the deletion: \(leftOver.keys.sorted())") }
    }

    /// Returns once `condition` holds, checking it every 20 ms; throws when it does not hold within `stepDeadline`.
    private func waitUntil(_ step: String, _ condition: () async throws -> Bool) async throws {
        let clock = ContinuousClock()
        let deadline = clock.now + stepDeadline
        while try await !condition() {
            guard clock.now < deadline else { throw ExampleFailure("\(step) did not happen within \(stepDeadline)") }
            try await clock.sleep(for: .milliseconds(20))
        }
    }
}

/// Why the example failed, in a sentence.
struct ExampleFailure: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) { self.description = description }
}
