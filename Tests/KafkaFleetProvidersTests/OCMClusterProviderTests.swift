import Foundation
import Hummingbird
import HummingbirdTesting
import KafkaFleetCore
import KafkaFleetProviders
import Testing

@Suite("OCM cluster provider against a fake OCM")
struct OCMClusterProviderTests {
    static let row = DataPlaneCluster(
        id: "cl5k2r1a0b3c4d5e6f7g", clusterID: "", status: .accepted, providerType: .ocm, cloudProvider: "aws",
        region: "us-east-1", multiAZ: true, clusterDNS: "", now: Date(timeIntervalSince1970: 1_700_000_000))
    static let agent = ClientCredentials(clientID: "kas-fleetshard-agent-ocm-1", clientSecret: "s3cret")

    /// Runs `body` with a live fake OCM and a provider pointing at it.
    static func withOCM(
        token: String? = nil, _ body: @Sendable (FakeOCM, OCMClusterProvider) async throws -> Void
    ) async throws {
        let fake = FakeOCM()
        try await fake.application.test(.live) { client in
            let provider = OCMClusterProvider(configuration: OCMConfiguration(
                baseURL: "http://localhost:\(try #require(client.port))", token: token ?? fake.token,
                controlPlaneURL: "https://fleet.example.com", openShiftVersion: "openshift-v4.12.3",
                awsAccount: OCMAWSAccount(accountID: "123456789012", accessKeyID: "AKIDOCM", secretAccessKey: "ocm-secret")))
            try await body(fake, provider)
        }
    }

    @Test("a cluster is created managed, CCS and autoscaled, and carries OCM's ids")
    func createsCluster() async throws {
        try await Self.withOCM { ocm, provider in
            // Given no cluster in OCM
            // When the row's cluster is created
            let created = try await provider.createCluster(Self.row)

            // Then OCM got the reference's request and the row has OCM's ids
            #expect(created.clusterID == "ocm-1")
            #expect(created.externalID == "ext-ocm-1")
            #expect(created.name == "mk-cl5k2r1a0b3c")
            #expect(created.clientID == "kas-fleetshard-agent-ocm-1")
            let stored = try #require(ocm.clusters["ocm-1"])
            let body = try #require(try JSONSerialization.jsonObject(with: stored.request) as? [String: Any])
            #expect(body["name"] as? String == "mk-cl5k2r1a0b3c")
            #expect((body["cloud_provider"] as? [String: Any])?["id"] as? String == "aws")
            #expect((body["region"] as? [String: Any])?["id"] as? String == "us-east-1")
            #expect(body["multi_az"] as? Bool == true)
            #expect((body["ccs"] as? [String: Any])?["enabled"] as? Bool == true)
            #expect(body["managed"] as? Bool == true)
            let aws = try #require(body["aws"] as? [String: Any])
            #expect(aws["account_id"] as? String == "123456789012")
            #expect(aws["access_key_id"] as? String == "AKIDOCM")
            #expect(aws["secret_access_key"] as? String == "ocm-secret")
            #expect((body["version"] as? [String: Any])?["id"] as? String == "openshift-v4.12.3")
            let nodes = try #require(body["nodes"] as? [String: Any])
            #expect((nodes["compute_machine_type"] as? [String: Any])?["id"] as? String == "m5.2xlarge")
            let autoscale = try #require(nodes["autoscale_compute"] as? [String: Any])
            #expect(autoscale["min_replicas"] as? Int == 3)
            #expect(autoscale["max_replicas"] as? Int == 18)
        }
    }

    @Test("creating again (an answer was lost) adopts the existing cluster instead of creating a second")
    func createIsIdempotent() async throws {
        try await Self.withOCM { ocm, provider in
            // Given a cluster created for the row
            let first = try await provider.createCluster(Self.row)

            // When the same row is created again
            let second = try await provider.createCluster(Self.row)

            // Then OCM holds one cluster and both calls name it
            #expect(ocm.creations == 1)
            #expect(second.clusterID == first.clusterID)
        }
    }

    @Test("OCM's cluster state maps to provisioning, provisioned with the ingress DNS, or failed with OCM's message")
    func provisioningStates() async throws {
        try await Self.withOCM { ocm, provider in
            // Given a created cluster
            let cluster = try await provider.createCluster(Self.row)

            // When OCM still installs it, Then it is provisioning
            #expect(try await provider.provisioningState(of: cluster) == .provisioning)

            // When OCM reports it ready without an ingress yet, Then its DNS comes from the base domain
            ocm.update(cluster.clusterID) { $0.state = "ready" }
            #expect(try await provider.provisioningState(of: cluster) == .provisioned(clusterDNS: "apps.mk-cl5k2r1a0b3c.x1y2.p1.openshiftapps.com"))

            // When the default ingress is known, Then its DNS name is used
            ocm.update(cluster.clusterID) { $0.ingressDNS = "apps.mk-cl5k2r1a0b3c.abcd.s1.devshift.org" }
            #expect(try await provider.provisioningState(of: cluster) == .provisioned(clusterDNS: "apps.mk-cl5k2r1a0b3c.abcd.s1.devshift.org"))

            // When OCM reports an error, Then the cluster failed with OCM's message
            ocm.update(cluster.clusterID) {
                $0.state = "error"
                $0.errorMessage = "AWS quota exceeded"
            }
            #expect(try await provider.provisioningState(of: cluster) == .failed(reason: "AWS quota exceeded"))
        }
    }

    @Test("terraforming installs both addons with the agent's parameters and is done when both are ready")
    func terraform() async throws {
        try await Self.withOCM { ocm, provider in
            // Given a ready cluster
            let cluster = try await provider.createCluster(Self.row)
            ocm.update(cluster.clusterID) { $0.state = "ready" }

            // When it is terraformed, Then both addons are being installed and it is not done
            #expect(try await provider.terraform(cluster, agentCredentials: Self.agent) == false)
            let addons = try #require(ocm.clusters[cluster.clusterID]?.addons)
            #expect(Set(addons.keys) == ["managed-kafka", "kas-fleetshard-operator"])
            #expect(addons["kas-fleetshard-operator"]?.parameters == [
                "sso-client-id": "kas-fleetshard-agent-ocm-1", "sso-secret": "s3cret",
                "control-plane-url": "https://fleet.example.com", "cluster-id": "ocm-1",
                "poll-interval": "15s", "resync-interval": "60s",
            ])

            // When only one addon is ready, Then it is still not done
            ocm.update(cluster.clusterID) { $0.addons["managed-kafka"]?.state = "ready" }
            #expect(try await provider.terraform(cluster, agentCredentials: Self.agent) == false)

            // When both are ready, Then it is done, with no parameter update needed
            ocm.update(cluster.clusterID) { $0.addons["kas-fleetshard-operator"]?.state = "ready" }
            #expect(try await provider.terraform(cluster, agentCredentials: Self.agent))
            #expect(ocm.parameterUpdates == 0)

            // When the agent's secret changes, Then the parameters are pushed again
            let rotated = ClientCredentials(clientID: Self.agent.clientID, clientSecret: "rotated")
            #expect(try await provider.terraform(cluster, agentCredentials: rotated))
            #expect(ocm.parameterUpdates == 1)
            #expect(ocm.clusters[cluster.clusterID]?.addons["kas-fleetshard-operator"]?.parameters["sso-secret"] == "rotated")
        }
    }

    @Test("deleting reports the cluster gone only once OCM answers 404")
    func deleteCluster() async throws {
        try await Self.withOCM { ocm, provider in
            // Given a created cluster
            let cluster = try await provider.createCluster(Self.row)

            // When its deletion is asked, Then it is not gone yet and OCM uninstalls it
            #expect(try await provider.deleteCluster(cluster) == false)
            #expect(ocm.clusters[cluster.clusterID]?.state == "uninstalling")

            // When OCM finished, Then asking again reports it gone
            ocm.finishDeletion(cluster.clusterID)
            #expect(try await provider.deleteCluster(cluster))
        }
    }

    @Test("a token OCM refuses is a permanent error")
    func refusedToken() async throws {
        try await Self.withOCM(token: "wrong") { _, provider in
            // Given a provider with a token OCM refuses, When it creates a cluster, Then the error is permanent
            let error = await #expect(throws: ProviderError.self) { _ = try await provider.createCluster(Self.row) }
            #expect(error?.code == .rejected)
            #expect(error?.provider == "ocm")
        }
    }
}
