import Foundation
import HTTPTypes
import HummingbirdTesting
import KafkaFleetCore
import KafkaFleetHTTP
import Testing

@Suite("Public kafka routes")
struct KafkaRoutesTests {
    @Test("create answers 202 with the JSON the Python SDK needs, and get, list, patch and delete follow")
    func lifecycle() async throws {
        let api = try await APIHarness()
        let headers = try await api.auth()
        try await api.run { client in
            let created = try await client.execute(uri: "/api/kafkas_mgmt/v1/kafkas?async=true", method: .post, headers: headers,
                                                   body: json(#"{"name":"my-kafka","cloud_provider":"aws","region":"us-east-1","reauthentication_enabled":null,"extra":1}"#))
            #expect(created.status == .accepted)
            #expect(created.headers[.contentType] == "application/json")
            #expect(created.headers[.operationID]?.count == 20)
            let kafka = try created.object()
            let id = try #require(kafka["id"] as? String)
            #expect(kafka["kind"] as? String == "Kafka")
            #expect(kafka["href"] as? String == "/api/kafkas_mgmt/v1/kafkas/\(id)")
            #expect(kafka["multi_az"] as? Bool == true)
            #expect(kafka["reauthentication_enabled"] as? Bool == true)
            #expect(kafka["status"] as? String == "accepted")
            #expect((kafka["max_data_retention_size"] as? [String: Any])?["bytes"] as? Int == 1_073_741_824_000)
            #expect(kafka["bootstrap_server_host"] == nil && kafka["cluster_id"] == nil && kafka["expires_at"] == nil)
            #expect(kafka["browser_url"] as? String == "http://localhost:8080/\(id)/details/dashboard")
            #expect((kafka["created_at"] as? String)?.hasSuffix("Z") == true && kafka["updated_at"] is String)
            #expect(!kafka.values.contains { $0 is NSNull })

            let fetched = try await client.execute(uri: "/api/kafkas_mgmt/v1/kafkas/\(id)/", method: .get, headers: headers)
            #expect(fetched.status == .ok)
            #expect(try fetched.object()["name"] as? String == "my-kafka")

            let listed = try await client.execute(uri: "/api/kafkas_mgmt/v1/kafkas?search=name+%3D+my-kafka&orderBy=name+asc&size=5",
                                                  method: .get, headers: headers)
            let list = try listed.object()
            #expect(list["kind"] as? String == "KafkaRequestList")
            #expect(list["page"] as? Int == 1 && list["size"] as? Int == 1 && list["total"] as? Int == 1)
            #expect((list["items"] as? [Any])?.count == 1)

            let patched = try await client.execute(uri: "/api/kafkas_mgmt/v1/kafkas/\(id)", method: .patch, headers: headers,
                                                   body: json(#"{"reauthentication_enabled":false}"#))
            #expect(patched.status == .ok)
            #expect(try patched.object()["reauthentication_enabled"] as? Bool == false)

            let deleted = try await client.execute(uri: "/api/kafkas_mgmt/v1/kafkas/\(id)?async=true", method: .delete, headers: headers)
            #expect(deleted.status == .accepted)
            #expect(deleted.body.readableBytes == 0)
            #expect(deleted.headers[.contentType] == "application/json")
        }
    }

    @Test("an empty list has items [] and size 0")
    func emptyList() async throws {
        let api = try await APIHarness()
        let headers = try await api.auth()
        try await api.run { client in
            let list = try await client.execute(uri: "/api/kafkas_mgmt/v1/kafkas", method: .get, headers: headers).object()
            #expect((list["items"] as? [Any])?.isEmpty == true)
            #expect(list["size"] as? Int == 0 && list["total"] as? Int == 0 && list["page"] as? Int == 1)
        }
    }

    @Test("create refusals map to the catalogue", arguments: [
        ("?async=true", "", 400, 17, "invalid request format: EOF"),
        ("?async=true", "{\"name\": 5}", 400, 17, nil),
        ("?async=true", "{bad json", 400, 17, nil),
        ("", "{\"name\":\"ok\"}", 400, 103, "Synchronous action is not supported, use async=true parameter"),
        ("?async=TRUE", "{\"name\":\"ok\"}", 400, 103, nil),
        ("?async=true", "null", 400, 33, "name is not valid, minimum length 1 is required"),
        ("?async=true", "{\"name\":\"abcdefghijabcdefghijabcdefghijabc\"}", 400, 34, "name is not valid, maximum length 32 is required"),
        ("?async=true", "{\"name\":\"9lives\"}", 400, 32, "name does not match ^[a-z]([-a-z0-9]*[a-z0-9])?$"),
        ("?async=true", "{\"name\":\"ok\",\"cloud_provider\":\"gcp\"}", 400, 30, "provider gcp is not supported, supported providers are: [aws]"),
        ("?async=true", "{\"name\":\"ok\",\"region\":\"mars-1\"}", 400, 31, "region mars-1 is not supported for aws, supported regions are: [us-east-1]"),
        ("?async=true", "{\"name\":\"ok\",\"plan\":\"standard.x7\"}", 400, 42, "unsupported plan provided: \"standard.x7\""),
    ] as [(String, String, Int, Int, String?)])
    func createRefusals(query: String, body: String, status: Int, code: Int, reason: String?) async throws {
        let api = try await APIHarness()
        let headers = try await api.auth()
        try await api.run { client in
            let response = try await client.execute(uri: "/api/kafkas_mgmt/v1/kafkas\(query)", method: .post, headers: headers, body: json(body))
            try response.expectError(HTTPResponse.Status(code: status), code: code, reason: reason)
            #expect(try response.object()["operation_id"] as? String == response.headers[.operationID])
        }
    }

    @Test("a duplicate name is 409 36 and a second trial instance 403 24")
    func conflicts() async throws {
        let api = try await APIHarness(quota: QuotaListService(list: QuotaList()))
        let headers = try await api.auth()
        try await api.run { client in
            let first = try await client.execute(uri: "/api/kafkas_mgmt/v1/kafkas?async=true", method: .post, headers: headers, body: json(#"{"name":"trial"}"#))
            #expect(first.status == .accepted)
            #expect(try first.object()["expires_at"] is String)
            #expect(try first.object()["instance_type"] as? String == "developer")
            let duplicate = try await client.execute(uri: "/api/kafkas_mgmt/v1/kafkas?async=true", method: .post, headers: headers, body: json(#"{"name":"trial"}"#))
            try duplicate.expectError(.conflict, code: 36, reason: "Kafka cluster name is already used")
            let second = try await client.execute(uri: "/api/kafkas_mgmt/v1/kafkas?async=true", method: .post, headers: headers, body: json(#"{"name":"trial-2"}"#))
            try second.expectError(.forbidden, code: 24, reason: "only 1 Trial instance is allowed")
            let standard = try await client.execute(uri: "/api/kafkas_mgmt/v1/kafkas?async=true", method: .post, headers: headers,
                                                    body: json(#"{"name":"std","plan":"standard.x1"}"#))
            try standard.expectError(.badRequest, code: 21)
        }
    }

    @Test("tenancy: other organisations get 404, members 404 on delete and 403 on patch, org admins may do both")
    func tenancy() async throws {
        let api = try await APIHarness()
        let owner = try await api.auth()
        let member = try await api.auth(user: "bob")
        let admin = try await api.auth(user: "carol", admin: true)
        let stranger = try await api.auth(org: "org-2", user: "mallory")
        try await api.run { client in
            let created = try await client.execute(uri: "/api/kafkas_mgmt/v1/kafkas?async=true", method: .post, headers: owner, body: json(#"{"name":"mine"}"#))
            let id = try #require(try created.object()["id"] as? String)
            let path = "/api/kafkas_mgmt/v1/kafkas/\(id)"
            try await client.execute(uri: path, method: .get, headers: stranger)
                .expectError(.notFound, code: 7, reason: "KafkaResource for user mallory with id='\(id)' not found")
            try await client.execute(uri: path, method: .patch, headers: stranger, body: json("{}")).expectError(.notFound, code: 7)
            try await client.execute(uri: path + "?async=true", method: .delete, headers: stranger).expectError(.notFound, code: 7)
            #expect(try await client.execute(uri: path, method: .get, headers: member).status == .ok)
            try await client.execute(uri: path, method: .patch, headers: member, body: json(#"{"owner":"bob"}"#))
                .expectError(.forbidden, code: 11, reason: "user not authorized to perform this action")
            try await client.execute(uri: path + "?async=true", method: .delete, headers: member).expectError(.notFound, code: 7)
            try await client.execute(uri: path, method: .delete, headers: admin).expectError(.badRequest, code: 103)
            try await client.execute(uri: path, method: .patch, headers: owner, body: json(#"{"owner":""}"#)).expectError(.badRequest, code: 33)
            try await client.execute(uri: path, method: .patch, headers: owner, body: json(#"{"owner":5}"#)).expectError(.badRequest, code: 17)
            for bad in [#"<script>"#, "bob smith", #"bob\u0000"#, "ünïcode"] {
                try await client.execute(uri: path, method: .patch, headers: owner, body: json(#"{"owner":"\#(bad)"}"#))
                    .expectError(.badRequest, code: 21)
            }
            try await client.execute(uri: path, method: .patch, headers: owner, body: json(#"{"owner":"\#(String(repeating: "b", count: 256))"}"#))
                .expectError(.badRequest, code: 34)
            let patched = try await client.execute(uri: path, method: .patch, headers: admin, body: json(#"{"owner":"bob"}"#))
            #expect(try patched.object()["owner"] as? String == "bob")
            #expect(try await client.execute(uri: path + "?async=true", method: .delete, headers: admin).status == .accepted)
        }
    }

    @Test("list refusals: bad paging and ordering are 17, bad search is 23 with the parser's message")
    func listRefusals() async throws {
        let api = try await APIHarness()
        let headers = try await api.auth()
        try await api.run { client in
            try await client.execute(uri: "/api/kafkas_mgmt/v1/kafkas?page=-1", method: .get, headers: headers).expectError(.badRequest, code: 17)
            try await client.execute(uri: "/api/kafkas_mgmt/v1/kafkas?size=0", method: .get, headers: headers)
                .expectError(.badRequest, code: 17, reason: "unable to list kafka requests: size must be equal or greater than 1")
            try await client.execute(uri: "/api/kafkas_mgmt/v1/kafkas?orderBy=colour", method: .get, headers: headers)
                .expectError(.badRequest, code: 17, reason: "unable to list kafka requests: unknown order by field 'colour'")
            try await client.execute(uri: "/api/kafkas_mgmt/v1/kafkas?orderBy=href", method: .get, headers: headers)
                .expectError(.badRequest, code: 17, reason: "unable to list kafka requests: unknown order by field 'href'")
            try await client.execute(uri: "/api/kafkas_mgmt/v1/kafkas?search=id+%3D+x", method: .get, headers: headers)
                .expectError(.badRequest, code: 23, reason: "unable to list kafka requests: [1] error parsing the filter: invalid column name: 'id', "
                             + "valid values are: [region name cloud_provider status owner cluster_id instance_type]")
            let zero = try await client.execute(uri: "/api/kafkas_mgmt/v1/kafkas?page=abc", method: .get, headers: headers).object()
            #expect(zero["page"] as? Int == 0)
        }
    }
}

@Suite("Instance type by plan")
struct InstanceTypeByPlanTests {
    @Test("under allow-all quota the plan picks the instance type: developer.x1 is a single-AZ trial kafka, standard.x1 a multi-AZ one")
    func planPicksType() async throws {
        let api = try await APIHarness(quota: AllowAllQuotaService() as any QuotaService)
        let headers = try await api.auth()
        try await api.run { client in
            let trial = try await client.execute(uri: "/api/kafkas_mgmt/v1/kafkas?async=true", method: .post, headers: headers,
                                                 body: json(#"{"name":"trial","plan":"developer.x1"}"#)).object()
            #expect(trial["instance_type"] as? String == "developer" && trial["multi_az"] as? Bool == false)
            let standard = try await client.execute(uri: "/api/kafkas_mgmt/v1/kafkas?async=true", method: .post, headers: headers,
                                                    body: json(#"{"name":"paid","plan":" standard.x1 "}"#)).object()
            #expect(standard["instance_type"] as? String == "standard" && standard["multi_az"] as? Bool == true)
        }
    }
}
