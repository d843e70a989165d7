import Foundation
import HTTPTypes
import HummingbirdTesting
import KafkaFleetCore
import KafkaFleetHTTP
import Testing

@Suite("Admin routes")
struct AdminRoutesTests {
    private static func createKafka(client: any TestClientProtocol, as user: HTTPFields, name: String) async throws -> String {
        let created = try await client.execute(uri: "/api/kafkas_mgmt/v1/kafkas?async=true", method: .post,
                                               headers: user, body: json(#"{"name":"\#(name)"}"#))
        return try #require(try created.object()["id"] as? String)
    }

    @Test("an admin with the read role lists and reads kafkas of every organisation")
    func readAcrossOrganisations() async throws {
        let api = try await APIHarness()
        let reader = try await api.adminAuth(roles: ["kas-fleet-manager-admin-read"])
        let first = try await api.auth(org: "org-1"), second = try await api.auth(org: "org-2")
        try await api.run { client in
            let firstID = try await Self.createKafka(client: client, as: first, name: "one")
            _ = try await Self.createKafka(client: client, as: second, name: "two")

            let list = try await client.execute(uri: "/api/kafkas_mgmt/v1/admin/kafkas?orderBy=name", method: .get, headers: reader)
            #expect(list.status == .ok)
            let object = try list.object()
            #expect(object["kind"] as? String == "KafkaList")
            #expect(object["total"] as? Int == 2)
            let items = try #require(object["items"] as? [[String: Any]])
            #expect(items.compactMap { $0["organisation_id"] as? String } == ["org-1", "org-2"])

            let one = try await client.execute(uri: "/api/kafkas_mgmt/v1/admin/kafkas/\(firstID)", method: .get, headers: reader)
            #expect(try one.object()["name"] as? String == "one")
            #expect(try one.object()["kafka_upgrading"] as? Bool == false)

            let clusters = try await client.execute(uri: "/api/kafkas_mgmt/v1/admin/clusters", method: .get, headers: reader)
            #expect(try clusters.object()["total"] as? Int == 2)
            let cluster = try #require((try clusters.object()["items"] as? [[String: Any]])?.first)
            #expect(cluster["cluster_id"] as? String == "cluster-0")
            #expect(cluster["multi_az"] as? Bool == true && cluster["cloud_provider"] as? String == "aws")
        }
    }

    @Test("roles decide methods: read may not delete, full may; users without roles are told nothing exists")
    func rolesPerMethod() async throws {
        let api = try await APIHarness()
        let reader = try await api.adminAuth(roles: ["kas-fleet-manager-admin-read"])
        let full = try await api.adminAuth(roles: ["KAS-FLEET-MANAGER-ADMIN-FULL"])
        let user = try await api.auth()
        try await api.run { client in
            let id = try await Self.createKafka(client: client, as: user, name: "doomed")
            let uri = "/api/kafkas_mgmt/v1/admin/kafkas/\(id)?async=true"
            try await client.execute(uri: uri, method: .delete, headers: reader).expectError(.notFound, code: 7)
            try await client.execute(uri: "/api/kafkas_mgmt/v1/admin/kafkas", method: .get, headers: user).expectError(.notFound, code: 7)
            let deleted = try await client.execute(uri: uri, method: .delete, headers: full)
            #expect(deleted.status == .accepted)
            #expect(deleted.body.readableBytes == 0)
        }
        #expect(await api.store.listKafkas(KafkaListQuery()).items.first?.status == .deprovision)
    }

    @Test("a patch with nothing in it is 400 37; suspending a kafka that is not ready is 400 8")
    func patchRules() async throws {
        let api = try await APIHarness()
        let writer = try await api.adminAuth(roles: ["kas-fleet-manager-admin-write"])
        // Provisioning passes the check every update makes (not accepted, not deleting): only the suspend rule refuses.
        let kafka = try await AdminUpdateFixture.storeKafka(in: api, status: .provisioning)
        try await api.run { client in
            let uri = "/api/kafkas_mgmt/v1/admin/kafkas/\(kafka.id)"
            try await client.execute(uri: uri, method: .patch, headers: writer, body: json("{}")).expectError(.badRequest, code: 37)
            try await client.execute(uri: uri, method: .patch, headers: writer, body: json(#"{"suspended":true}"#))
                .expectError(.badRequest, code: 8)
        }
        #expect(await api.store.kafka(id: kafka.id)?.status == .provisioning)
    }
}
