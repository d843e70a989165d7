import Foundation
import KafkaFleetCore
import Testing

/// Creating, reading, updating and deleting kafkas: the same behaviour on every backend.
@Suite("Kafka writes")
struct KafkaWriteTests {
    @Test("a created kafka reads back with every field as written", arguments: TestBackend.all)
    func createAndGet(backend: TestBackend) async throws {
        try await withStore(backend) { store in
            // Given a kafka with every field set to something other than its default
            var kafka = makeKafka("full", clusterID: "cluster-1", units: 2)
            kafka.ownerAccountID = "acct-1"
            kafka.bootstrapServerHost = "full-abc.kafka.example.com"
            kafka.adminAPIServerURL = "https://admin.example.com"
            kafka.failedReason = "none yet"
            kafka.placementID = "placement-1"
            kafka.namespace = "kafka-\(kafka.id)"
            kafka.subscriptionID = "sub-1"
            kafka.quotaType = "quota-management-list"
            kafka.desiredVersions = KafkaVersions(kafka: "3.3.1", strimzi: "strimzi-0.32", kafkaIBP: "3.3")
            kafka.actualVersions = KafkaVersions(kafka: "3.2.0", strimzi: "strimzi-0.31", kafkaIBP: "3.2")
            kafka.kafkaUpgrading = true
            kafka.strimziUpgrading = true
            kafka.kafkaIBPUpgrading = true
            kafka.canaryClientID = "canary"
            kafka.canaryClientSecret = "secret"
            kafka.routes = [KafkaRoute(domain: "admin-api-full.example.com", router: "router.example.com")]
            kafka.routesCreated = true
            kafka.bootstrapDNSCreated = true
            kafka.agentReportedReady = true
            kafka.reauthenticationEnabled = false
            kafka.billingCloudAccountID = "billing-1"
            kafka.marketplace = "aws"
            kafka.actualBillingModel = "standard"
            kafka.desiredBillingModel = "marketplace"
            kafka.promotionStatus = "promoting"
            kafka.promotionDetails = "details"
            kafka.expiresAt = at(3600)
            kafka.updatedAt = at(1)
            kafka.statusChangedAt = at(2)

            // When it is created and read back
            let outcome = try await store.createKafka(kafka, limits: [])
            let read = try #require(try await store.kafka(id: kafka.id))

            // Then both are the kafka at revision 1
            var expected = kafka
            expected.revision = 1
            #expect(outcome == .written(expected))
            #expect(read.normalised == expected.normalised)
        }
    }

    @Test("an unknown id reads as nothing", arguments: TestBackend.all)
    func unknownID(backend: TestBackend) async throws {
        try await withStore(backend) { store in
            let found = try await store.kafka(id: "nope")
            #expect(found == nil)
        }
    }

    @Test("a name is unique among an organisation's live kafkas only", arguments: TestBackend.all)
    func duplicateNames(backend: TestBackend) async throws {
        try await withStore(backend) { store in
            // Given a kafka named "dup" in org-a
            let first = try #require(try await store.createKafka(makeKafka("dup"), limits: []).value)

            // When another with the same name is created in org-a, Then it is refused as a duplicate
            await #expect(throws: StoreError(.duplicateKafkaName)) {
                _ = try await store.createKafka(makeKafka("dup"), limits: [])
            }
            // And in another organisation the name is free
            #expect(try await store.createKafka(makeKafka("dup", org: "org-b"), limits: []).value != nil)

            // And once the first is soft-deleted the name is free again in org-a
            #expect(try await store.softDeleteKafka(first, expecting: .accepted, at: at(10)))
            #expect(try await store.createKafka(makeKafka("dup"), limits: []).value != nil)
        }
    }

    @Test("renaming a kafka to a name its organisation already uses is refused", arguments: TestBackend.all)
    func renameToTakenName(backend: TestBackend) async throws {
        try await withStore(backend) { store in
            // Given two kafkas in org-a
            _ = try await store.createKafka(makeKafka("one"), limits: [])
            let two = try #require(try await store.createKafka(makeKafka("two"), limits: []).value)

            // When the second is renamed to the first's name, Then it is refused and unchanged
            var renamed = two
            renamed.name = "one"
            await #expect(throws: StoreError(.duplicateKafkaName)) {
                _ = try await store.updateKafka(renamed, expecting: .accepted, limits: [])
            }
            #expect(try await store.kafka(id: two.id)?.name == "two")
        }
    }

    @Test("a conditional update writes only the expected status at the read revision", arguments: TestBackend.all)
    func conditionalUpdate(backend: TestBackend) async throws {
        try await withStore(backend) { store in
            // Given a stored kafka at revision 1
            let stored = try #require(try await store.createKafka(makeKafka("cas"), limits: []).value)

            // When it moves from accepted to preparing
            var next = stored
            next.status = .preparing
            next.updatedAt = at(5)
            let moved = try #require(try await store.updateKafka(next, expecting: .accepted, limits: []).value)

            // Then it is at revision 2 in preparing
            #expect(moved.revision == 2)
            #expect(try await store.kafka(id: stored.id)?.normalised == moved.normalised)

            // And a writer holding revision 1 conflicts
            var stale = stored
            stale.region = "eu-west-1"
            #expect(try await store.updateKafka(stale, expecting: .accepted, limits: []).isConflict)
            // And a writer expecting the wrong status conflicts
            var wrongStatus = moved
            wrongStatus.region = "eu-west-1"
            #expect(try await store.updateKafka(wrongStatus, expecting: .accepted, limits: []).isConflict)
            // And the row is unchanged
            #expect(try await store.kafka(id: stored.id)?.region == "us-east-1")
        }
    }

    @Test("a deleted kafka cannot be updated, deleted again or read", arguments: TestBackend.all)
    func deletedConflicts(backend: TestBackend) async throws {
        try await withStore(backend) { store in
            // Given a soft-deleted kafka
            let stored = try #require(try await store.createKafka(makeKafka("gone"), limits: []).value)
            #expect(try await store.softDeleteKafka(stored, expecting: .accepted, at: at(1)))

            // When a writer holding the old copy writes, Then it conflicts
            var next = stored
            next.status = .preparing
            #expect(try await store.updateKafka(next, expecting: .accepted, limits: []).isConflict)
            var afterDelete = stored
            afterDelete.revision = 2
            #expect(try await store.updateKafka(afterDelete, expecting: .accepted, limits: []).isConflict)
            #expect(try await store.softDeleteKafka(stored, expecting: .accepted, at: at(2)) == false)
            // And it reads as nothing and is not listed
            #expect(try await store.kafka(id: stored.id) == nil)
            #expect(try await store.listKafkas(KafkaListQuery()).total == 0)
        }
    }

    @Test("creation, every status change and deletion are recorded as events", arguments: TestBackend.all)
    func statusEvents(backend: TestBackend) async throws {
        try await withStore(backend) { store in
            // Given a kafka that is created, moved twice (once to failed), updated without a move, and deleted
            let created = try #require(try await store.createKafka(makeKafka("events"), limits: []).value)
            var preparing = created
            preparing.status = .preparing
            preparing.updatedAt = at(1)
            preparing = try #require(try await store.updateKafka(preparing, expecting: .accepted, limits: []).value)
            var renamed = preparing
            renamed.bootstrapServerHost = "host"
            renamed = try #require(try await store.updateKafka(renamed, expecting: .preparing, limits: []).value)
            var failed = renamed
            failed.status = .failed
            failed.failedReason = "dns failed"
            failed.updatedAt = at(2)
            failed = try #require(try await store.updateKafka(failed, expecting: .preparing, limits: []).value)
            #expect(try await store.softDeleteKafka(failed, expecting: .failed, at: at(3)))

            // When its history is read
            let events = try await store.statusEvents(resourceID: created.id)

            // Then it has one event per transition, oldest first
            #expect(events.map { "\($0.fromStatus)>\($0.toStatus)" } == [">accepted", "accepted>preparing", "preparing>failed", "failed>deleted"])
            #expect(events.map(\.reason) == ["", "", "dns failed", ""])
            #expect(events.map { milliseconds($0.occurredAt) } == [t0, at(1), at(2), at(3)].map(milliseconds))
            #expect(events.allSatisfy { $0.resourceKind == .kafka && $0.resourceID == created.id })
        }
    }

    @Test("a soft delete keeps the row out of counts and sums", arguments: TestBackend.all)
    func countsAndSums(backend: TestBackend) async throws {
        try await withStore(backend) { store in
            // Given kafkas in several statuses, clusters and sizes, one of them deleted
            let a = try #require(try await store.createKafka(makeKafka("a", clusterID: "c1", units: 2), limits: []).value)
            _ = try await store.createKafka(makeKafka("b", clusterID: "c1"), limits: [])
            _ = try await store.createKafka(makeKafka("c", org: "org-b", clusterID: "c2", units: 3), limits: [])
            let d = try #require(try await store.createKafka(makeKafka("d", clusterID: "c1", units: 5), limits: []).value)
            var moved = a
            moved.status = .ready
            _ = try await store.updateKafka(moved, expecting: .accepted, limits: [])
            #expect(try await store.softDeleteKafka(d, expecting: .accepted, at: at(1)))

            // Then counts and sums see only the live ones
            #expect(try await store.countKafkasByStatus() == [.accepted: 2, .ready: 1])
            #expect(try await store.sumKafkas(KafkaFilter(), measure: .instances) == 3)
            #expect(try await store.sumKafkas(KafkaFilter(clusterID: "c1"), measure: .capacityUnits) == 3)
            #expect(try await store.sumKafkas(KafkaFilter(organisationID: "org-b"), measure: .quotaUnits) == 3)
            #expect(try await store.sumKafkas(KafkaFilter(excludingStatuses: [.ready]), measure: .capacityUnits) == 4)
            #expect(try await store.sumKafkas(KafkaFilter(region: "nowhere"), measure: .capacityUnits) == 0)
        }
    }

    @Test("the billing-model and enterprise parts of a filter match as in memory", arguments: TestBackend.all)
    func billingFilters(backend: TestBackend) async throws {
        try await withStore(backend) { store in
            // Given kafkas with different billing models
            var standard = makeKafka("standard")
            standard.actualBillingModel = "standard"
            var marketplace = makeKafka("marketplace")
            marketplace.desiredBillingModel = "marketplace"
            var enterprise = makeKafka("enterprise")
            enterprise.desiredBillingModel = "enterprise"
            for kafka in [standard, marketplace, enterprise] { _ = try await store.createKafka(kafka, limits: []) }

            // Then the filters count them by actual or desired model
            #expect(try await store.sumKafkas(KafkaFilter(billingModel: "standard"), measure: .instances) == 1)
            #expect(try await store.sumKafkas(KafkaFilter(billingModel: "marketplace"), measure: .instances) == 1)
            #expect(try await store.sumKafkas(KafkaFilter(excludingEnterprise: true), measure: .instances) == 2)
        }
    }

    @Test("work queues list kafkas by status, oldest change first, and by cluster", arguments: TestBackend.all)
    func workQueues(backend: TestBackend) async throws {
        try await withStore(backend) { store in
            // Given kafkas written at different times on two clusters
            var ids: [String] = []
            for (index, cluster) in ["c1", "c2", "c1"].enumerated() {
                var kafka = makeKafka("k\(index)", clusterID: cluster, created: at(Double(10 - index)))
                kafka.updatedAt = at(Double(20 - index))
                ids.append(kafka.id)
                _ = try await store.createKafka(kafka, limits: [])
            }

            // Then the status queue is ordered by last update, and limited
            #expect(try await store.kafkas(inStatuses: [.accepted, .preparing], limit: 10).map(\.id) == ids.reversed())
            #expect(try await store.kafkas(inStatuses: [.accepted], limit: 2).map(\.id) == [ids[2], ids[1]])
            #expect(try await store.kafkas(inStatuses: [.ready], limit: 10).isEmpty)
            #expect(try await store.kafkas(inStatuses: [], limit: 10).isEmpty)
            // And the cluster list is ordered by creation
            #expect(try await store.kafkas(onCluster: "c1", inStatuses: [.accepted]).map(\.id) == [ids[2], ids[0]])
            #expect(try await store.kafkas(onCluster: "c1", inStatuses: [.ready]).isEmpty)
        }
    }
}
