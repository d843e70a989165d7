import Foundation
import KafkaFleetCore
import Testing

/// Listing kafkas: organisation filter, the search language, ordering and paging.
@Suite("Kafka lists")
struct KafkaListTests {
    /// Five kafkas over two organisations, chosen so that every operator and order tells them apart.
    static func seed(_ store: any FleetStore) async throws {
        let rows: [(String, String, String, String, String, Double)] = [
            // name, org, owner, region, cloud, created offset
            ("alpha", "org-a", "alice", "us-east-1", "aws", 3),
            ("Beta", "org-a", "bob", "eu-west-1", "aws", 1),
            ("gamma_1", "org-a", "alice", "us-east-1", "gcp", 2),
            ("delta", "org-a", "Carol", "eu-west-1", "aws", 5),
            ("alpha", "org-b", "dave", "us-east-1", "aws", 4),
        ]
        for (name, org, owner, region, cloud, offset) in rows {
            var kafka = makeKafka(name, org: org, owner: owner, region: region, cloud: cloud, created: at(offset))
            kafka.instanceType = name == "delta" ? "developer" : "standard"
            kafka.multiAZ = name != "delta"
            kafka.actualVersions.kafka = "3.\(Int(offset))"
            let stored = try #require(try await store.createKafka(kafka, limits: []).value)
            if name == "Beta" {
                var ready = stored
                ready.status = .ready
                _ = try await store.updateKafka(ready, expecting: .accepted, limits: [])
            }
        }
    }

    /// A search and the names (org-a, default order) it must return.
    struct SearchCase: Sendable, CustomTestStringConvertible {
        let search: SearchExpression
        let names: [String]
        let testDescription: String
    }

    static let searchCases: [SearchCase] = [
        SearchCase(search: .comparison(.name, .equal, "alpha"), names: ["alpha"], testDescription: "="),
        SearchCase(search: .comparison(.name, .equal, "ALPHA"), names: [], testDescription: "= is case-sensitive"),
        SearchCase(search: .comparison(.region, .notEqual, "us-east-1"), names: ["Beta", "delta"], testDescription: "<>"),
        SearchCase(search: .comparison(.name, .like, "%a"), names: ["alpha", "Beta", "delta"], testDescription: "like %"),
        SearchCase(search: .comparison(.name, .like, "b%"), names: [], testDescription: "like is case-sensitive"),
        SearchCase(search: .comparison(.name, .like, "gamma_1"), names: ["gamma_1"], testDescription: "like _ is one character"),
        SearchCase(search: .comparison(.name, .like, "_eta"), names: ["Beta"], testDescription: "like _ at the start"),
        SearchCase(search: .comparison(.name, .ilike, "b%"), names: ["Beta"], testDescription: "ilike ignores case"),
        SearchCase(search: .comparison(.owner, .ilike, "CAROL"), names: ["delta"], testDescription: "ilike without wildcards"),
        SearchCase(search: .comparison(.name, .like, "alpha\\"), names: [], testDescription: "backslash is no escape"),
        SearchCase(search: .comparison(.name, .like, "alph\\a"), names: [], testDescription: "backslash escapes nothing"),
        SearchCase(search: .membership(.status, ["ready", "failed"], negated: false), names: ["Beta"], testDescription: "in"),
        SearchCase(search: .membership(.cloudProvider, ["aws"], negated: true), names: ["gamma_1"], testDescription: "not in"),
        SearchCase(search: .membership(.owner, [], negated: false), names: [], testDescription: "in ()"),
        SearchCase(search: .membership(.owner, [], negated: true), names: ["alpha", "Beta", "delta", "gamma_1"], testDescription: "not in ()"),
        SearchCase(
            search: .and(.comparison(.owner, .equal, "alice"), .comparison(.cloudProvider, .equal, "gcp")),
            names: ["gamma_1"], testDescription: "and"),
        SearchCase(
            search: .or(.comparison(.instanceType, .equal, "developer"), .comparison(.clusterID, .equal, "none")),
            names: ["delta"], testDescription: "or"),
        SearchCase(
            search: .and(
                .or(.comparison(.region, .equal, "eu-west-1"), .comparison(.cloudProvider, .equal, "gcp")),
                .membership(.owner, ["bob", "alice"], negated: false)),
            names: ["Beta", "gamma_1"], testDescription: "and over or"),
        SearchCase(
            search: .or(
                .and(.comparison(.region, .equal, "eu-west-1"), .comparison(.owner, .equal, "Carol")),
                .comparison(.name, .like, "al%")),
            names: ["alpha", "delta"], testDescription: "or over and"),
        SearchCase(search: .comparison(.name, .equal, "x' OR '1'='1"), names: [], testDescription: "a quote is just a value"),
    ]

    @Test("the organisation filter shows only that organisation's kafkas", arguments: TestBackend.all)
    func organisationFilter(backend: TestBackend) async throws {
        try await withStore(backend) { store in
            try await Self.seed(store)
            let orgA = try await store.listKafkas(KafkaListQuery(organisationID: "org-a"))
            let orgB = try await store.listKafkas(KafkaListQuery(organisationID: "org-b"))
            let all = try await store.listKafkas(KafkaListQuery())
            #expect(orgA.items.map(\.name) == ["Beta", "alpha", "delta", "gamma_1"])
            #expect(orgA.total == 4)
            #expect(orgB.items.map(\.organisationID) == ["org-b"])
            #expect(all.total == 5)
        }
    }

    @Test("every search operator and nesting selects the same kafkas as in memory", arguments: TestBackend.all)
    func searches(backend: TestBackend) async throws {
        try await withStore(backend) { store in
            try await Self.seed(store)
            for searchCase in Self.searchCases {
                let page = try await store.listKafkas(KafkaListQuery(organisationID: "org-a", search: searchCase.search))
                #expect(page.items.map(\.name).sorted() == searchCase.names.sorted(), "\(searchCase.testDescription)")
                #expect(page.total == searchCase.names.count, "\(searchCase.testDescription)")
            }
        }
    }

    /// An order and the names (org-a) it must give.
    static let orderCases: [([KafkaOrdering], [String])] = [
        ([], ["Beta", "alpha", "delta", "gamma_1"]),
        ([KafkaOrdering(.name, descending: true)], ["gamma_1", "delta", "alpha", "Beta"]),
        ([KafkaOrdering(.createdAt)], ["Beta", "gamma_1", "alpha", "delta"]),
        ([KafkaOrdering(.createdAt, descending: true)], ["delta", "alpha", "gamma_1", "Beta"]),
        ([KafkaOrdering(.region), KafkaOrdering(.name, descending: true)], ["delta", "Beta", "gamma_1", "alpha"]),
        ([KafkaOrdering(.owner)], ["delta", "gamma_1", "alpha", "Beta"]),
        ([KafkaOrdering(.status, descending: true), KafkaOrdering(.name)], ["Beta", "alpha", "delta", "gamma_1"]),
        ([KafkaOrdering(.version, descending: true)], ["delta", "alpha", "gamma_1", "Beta"]),
        ([KafkaOrdering(.multiAZ), KafkaOrdering(.name)], ["delta", "Beta", "alpha", "gamma_1"]),
        ([KafkaOrdering(.cloudProvider, descending: true), KafkaOrdering(.createdAt)], ["gamma_1", "Beta", "alpha", "delta"]),
    ]

    @Test("lists are ordered by the requested columns, ties broken by id", arguments: TestBackend.all)
    func ordering(backend: TestBackend) async throws {
        try await withStore(backend) { store in
            try await Self.seed(store)
            for (ordering, names) in Self.orderCases {
                let page = try await store.listKafkas(KafkaListQuery(organisationID: "org-a", ordering: ordering))
                #expect(page.items.map(\.name) == names, "\(ordering)")
            }
            // Ordering by href is ordering by id
            let byHref = try await store.listKafkas(KafkaListQuery(ordering: [KafkaOrdering(.href, descending: true)]))
            #expect(byHref.items.map(\.id) == byHref.items.map(\.id).sorted().reversed())
        }
    }

    @Test("pages slice the ordered list and carry the total", arguments: TestBackend.all)
    func paging(backend: TestBackend) async throws {
        try await withStore(backend) { store in
            try await Self.seed(store)
            let query = { (page: Int, size: Int) in KafkaListQuery(organisationID: "org-a", page: page, size: size) }
            let first = try await store.listKafkas(query(1, 3))
            let second = try await store.listKafkas(query(2, 3))
            let beyond = try await store.listKafkas(query(5, 3))
            let empty = try await store.listKafkas(query(1, 0))
            #expect(first.items.map(\.name) == ["Beta", "alpha", "delta"])
            #expect(second.items.map(\.name) == ["gamma_1"])
            #expect(beyond.items.isEmpty)
            #expect(empty.items.isEmpty)
            let totals = [first.total, second.total, beyond.total, empty.total]
            #expect(totals == [4, 4, 4, 4])
        }
    }
}
