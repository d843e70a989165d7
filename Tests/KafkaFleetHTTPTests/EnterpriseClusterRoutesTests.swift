import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import KafkaFleetCore
import KafkaFleetHTTP
import Testing

@Suite("Enterprise cluster routes")
struct EnterpriseClusterRoutesTests {
    private static let clusters = "/api/kafkas_mgmt/v1/clusters"
    private static let clusterID = String(repeating: "c0ffee12", count: 4)

    private static func payload(id: String = clusterID, dns: String = "apps.customer.example.com", nodes: Int = 3) -> ByteBuffer {
        json(#"{"cluster_id":"\#(id)","cluster_ingress_dns_name":"\#(dns)","kafka_machine_pool_node_count":\#(nodes),"access_kafkas_via_private_network":false}"#)
    }

    private static func register(_ client: any TestClientProtocol, as headers: HTTPFields, id: String = clusterID) async throws -> TestResponse {
        try await client.execute(uri: clusters, method: .post, headers: headers, body: payload(id: id))
    }

    @Test("an org admin registers a cluster and gets the EnterpriseCluster fields with the agent parameters")
    func register() async throws {
        let api = try await APIHarness()
        let admin = try await api.auth(admin: true)
        try await api.run { client in
            let response = try await Self.register(client, as: admin)

            #expect(response.status == .ok)
            let object = try response.object()
            #expect(object["id"] as? String == Self.clusterID && object["kind"] as? String == "Cluster")
            #expect(object["href"] as? String == "\(Self.clusters)/\(Self.clusterID)")
            #expect(object["cluster_id"] as? String == Self.clusterID && object["status"] as? String == "cluster_accepted")
            #expect(object["cloud_provider"] as? String == "aws" && object["region"] as? String == "us-east-1")
            #expect(object["multi_az"] as? Bool == true && object["access_kafkas_via_private_network"] as? Bool == false)
            let types = try #require((object["supported_instance_types"] as? [String: Any])?["instance_types"] as? [[String: Any]])
            #expect(types.map { $0["id"] as? String } == ["standard"])
            let models = try #require(types[0]["supported_billing_models"] as? [[String: Any]])
            #expect(models.map { $0["id"] as? String } == ["enterprise"] && models[0]["ams_product"] as? String == "RHOSAKCC")
            #expect((types[0]["sizes"] as? [[String: Any]])?.map { $0["id"] as? String } == ["x1", "x2"])
            let capacity = try #require(object["capacity_information"] as? [String: Any])
            #expect(capacity["kafka_machine_pool_node_count"] as? Int == 3 && capacity["maximum_kafka_streaming_units"] as? Int == 0)
            #expect(capacity["consumed_kafka_streaming_units"] as? Int == 0 && capacity["remaining_kafka_streaming_units"] as? Int == 0)
            let parameters = try #require(object["fleetshard_parameters"] as? [[String: Any]])
            #expect(parameters.map { $0["id"] as? String } == ["sso-auth-server-url", "sso-client-id", "sso-secret", "control-plane-url",
                                                               "cluster-id", "poll-interval", "resync-interval"])
            #expect(parameters[1]["value"] as? String == "kas-fleetshard-agent-\(Self.clusterID)")
            #expect(parameters[3]["value"] as? String == "http://127.0.0.1:8000" && parameters[5]["value"] as? String == "15s")
        }
        let stored = try #require(await api.store.cluster(clusterID: Self.clusterID))
        #expect(stored.clusterType == .enterprise && stored.organizationID == "org-1")
    }

    @Test("registration refusals: body, length, characters, DNS name, node count, duplicate and non-admin")
    func registrationRefusals() async throws {
        let api = try await APIHarness()
        let admin = try await api.auth(admin: true)
        let member = try await api.auth()
        try await api.run { client in
            func post(_ body: ByteBuffer, as headers: HTTPFields) async throws -> TestResponse {
                try await client.execute(uri: Self.clusters, method: .post, headers: headers, body: body)
            }
            try await post(json(""), as: admin).expectError(.badRequest, code: 17)
            try await post(Self.payload(id: "abc"), as: admin).expectError(.badRequest, code: 33)
            try await post(Self.payload(id: Self.clusterID + "1"), as: admin).expectError(.badRequest, code: 34)
            try await post(Self.payload(id: String(repeating: "_", count: 32)), as: admin).expectError(.badRequest, code: 45)
            try await post(Self.payload(dns: "not a name"), as: admin).expectError(.badRequest, code: 47)
            try await post(Self.payload(nodes: 5), as: admin).expectError(.badRequest, code: 37)
            try await post(Self.payload(), as: member).expectError(.forbidden, code: 11)
            #expect(try await post(Self.payload(), as: admin).status == .ok)
            try await post(Self.payload(), as: admin).expectError(.conflict, code: 44)
        }
    }

    @Test("an organisation without enterprise quota is refused every route with 403 11")
    func enterpriseQuota() async throws {
        let quota = QuotaListService(list: QuotaList(registeredUsersPerOrganisation: [
            QuotaListEntry(id: "org-1", anyUser: true, grantedQuota: [
                GrantedQuota(instanceTypeID: "standard", kafkaBillingModels: [GrantedBillingModel(id: "enterprise")]),
            ]),
        ]))
        let api = try await APIHarness(quota: quota)
        let allowed = try await api.auth(admin: true)
        let refused = try await api.auth(org: "org-2", user: "bob", admin: true)
        try await api.run { client in
            #expect(try await client.execute(uri: Self.clusters, method: .get, headers: allowed).status == .ok)
            try await client.execute(uri: Self.clusters, method: .get, headers: refused)
                .expectError(.forbidden, code: 11, reason: "organization 'org-2' is not authorized to access the service")
            try await Self.register(client, as: refused).expectError(.forbidden, code: 11)
            try await client.execute(uri: "\(Self.clusters)/\(Self.clusterID)?async=true", method: .delete, headers: refused)
                .expectError(.forbidden, code: 11)
        }
    }

    @Test("list, get and addon parameters show only the caller organisation's clusters")
    func reads() async throws {
        let api = try await APIHarness()
        let admin = try await api.auth(admin: true)
        let member = try await api.auth(user: "bob")
        let stranger = try await api.auth(org: "org-2", user: "mallory", admin: true)
        try await api.run { client in
            #expect(try await Self.register(client, as: admin).status == .ok)

            let list = try await client.execute(uri: Self.clusters, method: .get, headers: member).object()
            #expect(list["kind"] as? String == "ClusterList" && list["page"] as? Int == 1)
            #expect(list["size"] as? Int == 1 && list["total"] as? Int == 1)
            #expect((list["items"] as? [[String: Any]])?.first?["id"] as? String == Self.clusterID)
            let empty = try await client.execute(uri: Self.clusters, method: .get, headers: stranger).object()
            #expect(empty["total"] as? Int == 0 && (empty["items"] as? [Any])?.isEmpty == true)

            let one = try await client.execute(uri: "\(Self.clusters)/\(Self.clusterID)", method: .get, headers: member)
            #expect(one.status == .ok)
            let oneObject = try one.object()
            #expect(oneObject["fleetshard_parameters"] == nil)
            try await client.execute(uri: "\(Self.clusters)/\(Self.clusterID)", method: .get, headers: stranger)
                .expectError(.notFound, code: 7,
                             reason: "enterprise data plane cluster with id='\(Self.clusterID)' not found within organization: org-2")
            try await client.execute(uri: "\(Self.clusters)/cluster-0", method: .get, headers: member).expectError(.badRequest, code: 45)

            let addon = "\(Self.clusters)/\(Self.clusterID)/addon_parameters"
            let parameters = try await client.execute(uri: addon, method: .get, headers: admin).object()
            #expect(parameters["kind"] as? String == "ClusterAddonParameters" && parameters["id"] as? String == Self.clusterID)
            #expect(parameters["href"] as? String == addon)
            #expect((parameters["fleetshard_parameters"] as? [[String: Any]])?.count == 7)
            try await client.execute(uri: addon, method: .get, headers: member).expectError(.forbidden, code: 11)
            try await client.execute(uri: addon, method: .get, headers: stranger).expectError(.notFound, code: 7)
        }
    }

    @Test("delete needs async and an admin of the owning organisation, and refuses a cluster that hosts kafkas")
    func delete() async throws {
        let api = try await APIHarness()
        let admin = try await api.auth(admin: true)
        let member = try await api.auth(user: "bob")
        let stranger = try await api.auth(org: "org-2", user: "mallory", admin: true)
        let uri = "\(Self.clusters)/\(Self.clusterID)?async=true"
        try await api.run { client in
            #expect(try await Self.register(client, as: admin).status == .ok)
            try await client.execute(uri: "\(Self.clusters)/\(Self.clusterID)", method: .delete, headers: admin)
                .expectError(.badRequest, code: 103)
            try await client.execute(uri: uri, method: .delete, headers: member).expectError(.forbidden, code: 11)
            try await client.execute(uri: "\(Self.clusters)/missing?async=true", method: .delete, headers: admin)
                .expectError(.notFound, code: 7)
            try await client.execute(uri: uri, method: .delete, headers: stranger).expectError(.forbidden, code: 4)
        }
        try await Self.markReady(api)
        try await api.run { client in
            let kafka = try await client.execute(
                uri: "/api/kafkas_mgmt/v1/kafkas?async=true", method: .post, headers: member,
                body: json(#"{"name":"on-prem","cluster_id":"\#(Self.clusterID)","billing_model":"enterprise"}"#))
            #expect(kafka.status == .accepted)
            try await client.execute(uri: uri, method: .delete, headers: admin)
                .expectError(.forbidden, code: 4, reason: "unable to deregister cluster with kafka instances")
        }
    }

    @Test("a cluster without kafkas is deregistered: 202 with an empty body, status deprovisioning")
    func deleted() async throws {
        let api = try await APIHarness()
        let admin = try await api.auth(admin: true)
        try await api.run { client in
            #expect(try await Self.register(client, as: admin).status == .ok)
            let response = try await client.execute(uri: "\(Self.clusters)/\(Self.clusterID)?async=true", method: .delete, headers: admin)
            #expect(response.status == .accepted && response.body.readableBytes == 0)
        }
        #expect(await api.store.cluster(clusterID: Self.clusterID)?.status == .deprovisioning)
    }

    @Test("a kafka created with the cluster id and billing model enterprise lands on the registered cluster once it is ready")
    func kafkaLands() async throws {
        let api = try await APIHarness()
        let admin = try await api.auth(admin: true)
        let body = json(#"{"name":"on-prem","cluster_id":"\#(Self.clusterID)","billing_model":"enterprise"}"#)
        try await api.run { client in
            #expect(try await Self.register(client, as: admin).status == .ok)
            try await client.execute(uri: "/api/kafkas_mgmt/v1/kafkas?async=true", method: .post, headers: admin, body: body)
                .expectError(.forbidden, code: 24)
        }
        try await Self.markReady(api)
        try await api.run { client in
            let created = try await client.execute(uri: "/api/kafkas_mgmt/v1/kafkas?async=true", method: .post, headers: admin, body: body)
            #expect(created.status == .accepted)
            #expect(try created.object()["cluster_id"] as? String == Self.clusterID)
            let cluster = try await client.execute(uri: "\(Self.clusters)/\(Self.clusterID)", method: .get, headers: admin).object()
            #expect((cluster["capacity_information"] as? [String: Any])?["consumed_kafka_streaming_units"] as? Int == 1)
        }
        let kafka = try #require(await api.store.listKafkas(KafkaListQuery()).items.first)
        #expect(kafka.clusterID == Self.clusterID && kafka.desiredBillingModel == "enterprise")
    }

    /// Marks the registered cluster ready, as its agent's first Ready report would.
    private static func markReady(_ api: APIHarness) async throws {
        let current = try #require(await api.store.cluster(clusterID: clusterID))
        var ready = current
        ready.status = .ready
        _ = try #require(await api.store.updateCluster(ready, expecting: current.status).value)
    }
}
