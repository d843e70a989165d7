import Foundation
import KafkaFleetCore
import Testing

/// Data-plane clusters: create, read, conditional update, soft delete.
@Suite("Clusters")
struct ClusterStoreTests {
    @Test("a created cluster reads back with every field as written", arguments: TestBackend.all)
    func createAndGet(backend: TestBackend) async throws {
        try await withStore(backend) { store in
            // Given a cluster with every field set
            var cluster = makeCluster("c1")
            cluster.externalID = "ext-1"
            cluster.clusterType = .enterprise
            cluster.organizationID = "org-a"
            cluster.supportedInstanceTypes = ["standard"]
            cluster.schedulable = false
            cluster.kafkaInstanceLimit = 12
            cluster.capacity = ["standard": ClusterCapacity(maxNodes: 3, maxUnits: 10, remainingUnits: 7)]
            cluster.availableStrimziVersions = [
                StrimziVersion(version: "strimzi-0.32", ready: true, kafkaVersions: ["3.3.1"], kafkaIBPVersions: ["3.3"]),
            ]
            cluster.clientSecret = "secret"
            cluster.identityProviderID = "idp"
            cluster.accessKafkasViaPrivateNetwork = true
            cluster.updatedAt = at(1)

            // When it is created and read back
            let created = try await store.createCluster(cluster)
            let read = try #require(try await store.cluster(clusterID: "c1"))

            // Then both are it at revision 1
            var expected = cluster
            expected.revision = 1
            #expect(created == expected)
            #expect(read.normalised == expected.normalised)
            // And an empty instance-type list and no limit survive too
            var bare = makeCluster("c2")
            bare.supportedInstanceTypes = []
            _ = try await store.createCluster(bare)
            let bareRead = try #require(try await store.cluster(clusterID: "c2"))
            #expect(bareRead.supportedInstanceTypes.isEmpty)
            #expect(bareRead.kafkaInstanceLimit == nil)
        }
    }

    @Test("a cluster id is unique, even after a soft delete", arguments: TestBackend.all)
    func duplicate(backend: TestBackend) async throws {
        try await withStore(backend) { store in
            let first = try await store.createCluster(makeCluster("c1"))
            await #expect(throws: StoreError(.duplicateCluster)) { _ = try await store.createCluster(makeCluster("c1")) }
            #expect(try await store.softDeleteCluster(first, expecting: .ready, at: at(1)))
            await #expect(throws: StoreError(.duplicateCluster)) { _ = try await store.createCluster(makeCluster("c1")) }
        }
    }

    @Test("cluster updates are compare-and-set and deleted clusters disappear", arguments: TestBackend.all)
    func conditionalUpdate(backend: TestBackend) async throws {
        try await withStore(backend) { store in
            // Given an accepted and a ready cluster
            let accepted = try await store.createCluster(makeCluster("c1", status: .accepted, created: at(2)))
            let ready = try await store.createCluster(makeCluster("c2", created: at(1)))

            // When the accepted one moves to provisioning
            var next = accepted
            next.status = .provisioning
            next.updatedAt = at(3)
            let moved = try #require(try await store.updateCluster(next, expecting: .accepted).value)

            // Then it is at revision 2, and stale or wrong-status writes conflict
            #expect(moved.revision == 2)
            #expect(try await store.updateCluster(next, expecting: .accepted).isConflict)
            #expect(try await store.updateCluster(moved, expecting: .ready).isConflict)
            // And lists filter by status, oldest first
            #expect(try await store.clusters(inStatuses: nil).map(\.clusterID) == ["c2", "c1"])
            #expect(try await store.clusters(inStatuses: [.provisioning]).map(\.clusterID) == ["c1"])
            #expect(try await store.clusters(inStatuses: []).isEmpty)
            // And a soft delete hides it and is recorded
            #expect(try await store.softDeleteCluster(ready, expecting: .ready, at: at(4)))
            #expect(try await store.softDeleteCluster(ready, expecting: .ready, at: at(4)) == false)
            #expect(try await store.cluster(clusterID: "c2") == nil)
            #expect(try await store.clusters(inStatuses: nil).map(\.clusterID) == ["c1"])
            #expect(try await store.statusEvents(resourceID: "c1").map(\.toStatus) == ["cluster_accepted", "cluster_provisioning"])
            #expect(try await store.statusEvents(resourceID: "c2").map(\.toStatus) == ["ready", "deleted"])
        }
    }
}
