import Foundation
import HTTPTypes
import HummingbirdTesting
import KafkaFleetCore
import KafkaFleetHTTP
import Testing

@Suite("Admin kafka list")
struct AdminKafkaListTests {
    /// The headers of alice in org-1 and bob in org-2.
    private static func users(_ api: APIHarness) async throws -> (alice: HTTPFields, bob: HTTPFields) {
        (try await api.auth(org: "org-1", user: "alice"), try await api.auth(org: "org-2", user: "bob"))
    }

    /// Creates kafkas through the public API: `alpha` and `charlie` of alice in org-1, `bravo` and `delta` of bob in org-2.
    private static func createFour(as users: (alice: HTTPFields, bob: HTTPFields), client: any TestClientProtocol) async throws {
        let (alice, bob) = users
        for (name, user) in [("alpha", alice), ("bravo", bob), ("charlie", alice), ("delta", bob)] {
            let created = try await client.execute(uri: "/api/kafkas_mgmt/v1/kafkas?async=true", method: .post, headers: user,
                                                   body: json(#"{"name":"\#(name)"}"#))
            #expect(created.status == .accepted)
        }
    }

    /// Lists with `reader`'s headers and returns the page's names, page and total.
    private static func list(_ query: String, as reader: HTTPFields, client: any TestClientProtocol) async throws
        -> (names: [String], page: Int?, total: Int?) {
        let answer = try await client.execute(uri: "/api/kafkas_mgmt/v1/admin/kafkas?\(query)", method: .get, headers: reader)
        #expect(answer.status == .ok)
        let object = try answer.object()
        let items = try #require(object["items"] as? [[String: Any]])
        return (items.compactMap { $0["name"] as? String }, object["page"] as? Int, object["total"] as? Int)
    }

    @Test("pages split the ordered list of every organisation's kafkas, and each page counts them all")
    func paging() async throws {
        let api = try await APIHarness()
        let users = try await Self.users(api)
        let reader = try await api.adminAuth(roles: ["kas-fleet-manager-admin-read"])
        try await api.run { client in
            try await Self.createFour(as: users, client: client)

            let first = try await Self.list("page=1&size=3&orderBy=name", as: reader, client: client)
            #expect(first.names == ["alpha", "bravo", "charlie"])
            #expect(first.page == 1 && first.total == 4)
            let second = try await Self.list("page=2&size=3&orderBy=name", as: reader, client: client)
            #expect(second.names == ["delta"])
            #expect(second.page == 2 && second.total == 4)
            let beyond = try await Self.list("page=9&size=3&orderBy=name", as: reader, client: client)
            #expect(beyond.names.isEmpty && beyond.total == 4)
        }
    }

    @Test("orderBy sorts by the named column, descending when asked")
    func ordering() async throws {
        let api = try await APIHarness()
        let users = try await Self.users(api)
        let reader = try await api.adminAuth(roles: ["kas-fleet-manager-admin-read"])
        try await api.run { client in
            try await Self.createFour(as: users, client: client)

            #expect(try await Self.list("orderBy=name%20desc", as: reader, client: client).names == ["delta", "charlie", "bravo", "alpha"])
            #expect(try await Self.list("orderBy=owner%20desc,name%20asc", as: reader, client: client).names
                == ["bravo", "delta", "alpha", "charlie"])
        }
    }

    @Test("search filters across organisations, and the total counts only the matches")
    func search() async throws {
        let api = try await APIHarness()
        let users = try await Self.users(api)
        let reader = try await api.adminAuth(roles: ["kas-fleet-manager-admin-read"])
        try await api.run { client in
            try await Self.createFour(as: users, client: client)

            let bobs = try await Self.list("search=owner%20%3D%20bob&orderBy=name", as: reader, client: client)
            #expect(bobs.names == ["bravo", "delta"] && bobs.total == 2)
            let liked = try await Self.list("search=name%20like%20%25a&orderBy=name", as: reader, client: client)
            #expect(liked.names == ["alpha", "delta"] && liked.total == 2)
            let paged = try await Self.list("search=owner%20%3D%20alice&orderBy=name%20desc&page=2&size=1", as: reader, client: client)
            #expect(paged.names == ["alpha"] && paged.total == 2)
        }
    }

    @Test("a search that does not parse is 400 23, a bad order or size 400 17, as in the public list")
    func refusals() async throws {
        let api = try await APIHarness()
        let reader = try await api.adminAuth(roles: ["kas-fleet-manager-admin-read"])
        try await api.run { client in
            let base = "/api/kafkas_mgmt/v1/admin/kafkas"
            try await client.execute(uri: "\(base)?search=name%20%3D", method: .get, headers: reader).expectError(.badRequest, code: 23)
            try await client.execute(uri: "\(base)?search=organisation%20%3D%20x", method: .get, headers: reader)
                .expectError(.badRequest, code: 23)
            try await client.execute(uri: "\(base)?orderBy=colour", method: .get, headers: reader).expectError(.badRequest, code: 17)
            try await client.execute(uri: "\(base)?size=0", method: .get, headers: reader).expectError(.badRequest, code: 17)
        }
    }
}
