import AsyncHTTPClient
import Foundation
import Hummingbird
import HummingbirdTesting
import KafkaFleetCore
import KafkaFleetProviders
import Synchronization
import Testing

@Suite("Route53 DNS provider against moto_server", .enabled(if: MotoServer.testsRun, MotoServer.missingMessage))
struct Route53AgainstMotoTests {
    static let credentials = AWSCredentials(accessKeyID: "AKIDTEST", secretAccessKey: "test-secret")

    /// Creates a hosted zone through the Route53 API (CreateHostedZone) and returns its id.
    static func createHostedZone(_ name: String, endpoint: String) async throws -> String {
        let body = Array("""
            <?xml version="1.0" encoding="UTF-8"?>\
            <CreateHostedZoneRequest xmlns="https://route53.amazonaws.com/doc/2013-04-01/">\
            <Name>\(name)</Name><CallerReference>\(UUID().uuidString)</CallerReference></CreateHostedZoneRequest>
            """.utf8)
        let host = try #require(URL(string: endpoint).flatMap { url in url.host.map { "\($0):\(url.port ?? 80)" } })
        let signer = AWSSignatureV4(credentials: credentials, region: "us-east-1", service: "route53")
        let toSign = AWSSignatureV4.Request(
            method: "POST", path: "/2013-04-01/hostedzone", headers: [("host", host), ("content-type", "text/xml")], body: body)
        var request = HTTPClientRequest(url: endpoint + "/2013-04-01/hostedzone")
        request.method = .POST
        for (name, value) in toSign.headers + signer.authorizationHeaders(for: toSign, at: Date()) {
            request.headers.add(name: name, value: value)
        }
        request.body = .bytes(body)
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(30))
        let text = String(buffer: try await response.body.collect(upTo: 1 << 20))
        try #require(response.status == .created, "CreateHostedZone answered \(response.status): \(text)")
        let start = try #require(text.range(of: "<Id>/hostedzone/"))
        let rest = text[start.upperBound...]
        let end = try #require(rest.range(of: "</Id>"))
        return String(rest[..<end.lowerBound])
    }

    @Test("records are upserted twice, listed once, retargeted, and deleted twice without error")
    func recordLifecycle() async throws {
        try await MotoServer.with { endpoint in
            // Given a hosted zone found by name, and a provider signing every request
            let zoneID = try await Self.createHostedZone("kafka.example.com", endpoint: endpoint)
            let dns = Route53DNSProvider(configuration: Route53Configuration(
                credentials: Self.credentials, hostedZone: .name("kafka.example.com"), endpoint: endpoint))
            #expect(try await dns.hostedZoneID() == zoneID)
            let bootstrap = DNSRecord(name: "my-kafka-abc.kafka.example.com", target: "router.apps.cluster.example.org")

            // When the record is upserted twice
            try await dns.upsertRecords([bootstrap])
            try await dns.upsertRecords([bootstrap])

            // Then the zone holds it once
            #expect(try await dns.records() == [bootstrap])
            #expect(try await dns.record(named: bootstrap.name) == bootstrap)

            // When it is upserted with another target, it is replaced, not duplicated
            let moved = DNSRecord(name: bootstrap.name, target: "router.apps.other.example.org")
            try await dns.upsertRecords([moved])
            #expect(try await dns.records() == [moved])

            // When it is deleted (naming the old target) and deleted again
            try await dns.deleteRecords([bootstrap])
            try await dns.deleteRecords([bootstrap])

            // Then the zone holds no CNAME and the second deletion was not an error
            #expect(try await dns.records().isEmpty)
            #expect(try await dns.record(named: bootstrap.name) == nil)
        }
    }

    @Test("deleting some existing and some missing records removes the existing ones and keeps the rest")
    func partialDelete() async throws {
        try await MotoServer.with { endpoint in
            // Given a zone configured by id holding three records
            let zoneID = try await Self.createHostedZone("kafka.example.net", endpoint: endpoint)
            let dns = Route53DNSProvider(configuration: Route53Configuration(
                credentials: Self.credentials, hostedZone: .id("/hostedzone/\(zoneID)"), endpoint: endpoint))
            let records = ["a", "admin-api-a", "broker-0-a"].map {
                DNSRecord(name: "\($0).kafka.example.net", target: "router.example.org")
            }
            try await dns.upsertRecords(records)

            // When two of them and a name that never existed are deleted
            try await dns.deleteRecords([records[0], records[2], DNSRecord(name: "never.kafka.example.net", target: "x")])

            // Then only the third is left
            #expect(try await dns.records() == [records[1]])
        }
    }

    @Test("a hosted zone id or name that does not exist is a permanent error")
    func missingZone() async throws {
        try await MotoServer.with { endpoint in
            // Given providers pointing at zones moto does not have
            let byID = Route53DNSProvider(configuration: Route53Configuration(
                credentials: Self.credentials, hostedZone: .id("ZNOTTHERE"), endpoint: endpoint))
            let byName = Route53DNSProvider(configuration: Route53Configuration(
                credentials: Self.credentials, hostedZone: .name("nowhere.example.com"), endpoint: endpoint))
            let record = DNSRecord(name: "a.nowhere.example.com", target: "b.example.org")

            // When records are written, Then both refuse permanently
            let idError = await #expect(throws: ProviderError.self) { try await byID.upsertRecords([record]) }
            #expect(idError?.code == .rejected)
            #expect(idError?.detail.contains("NoSuchHostedZone") == true)
            let nameError = await #expect(throws: ProviderError.self) { try await byName.upsertRecords([record]) }
            #expect(nameError?.code == .rejected)
        }
    }
}

@Suite("Route53 DNS provider error classification")
struct Route53ErrorTests {
    /// A fake Route53 answering every change with `status` and an AWS error body with `code`.
    static func failingRoute53(status: HTTPResponse.Status, code: String) -> some ApplicationProtocol {
        let router = Router()
        router.post("/2013-04-01/hostedzone/{zone}/rrset") { _, _ -> Response in
            let xml = """
                <?xml version="1.0"?><ErrorResponse xmlns="https://route53.amazonaws.com/doc/2013-04-01/">\
                <Error><Type>Sender</Type><Code>\(code)</Code><Message>injected</Message></Error></ErrorResponse>
                """
            return Response(status: status, headers: [.contentType: "text/xml"], body: .init(byteBuffer: ByteBuffer(string: xml)))
        }
        return Application(router: router)
    }

    @Test(
        "AWS error answers are classified as retryable or permanent",
        arguments: [
            (HTTPResponse.Status.serviceUnavailable, "ServiceUnavailable", ProviderError.Code.unavailable),
            (.badRequest, "Throttling", .unavailable),
            (.badRequest, "PriorRequestNotComplete", .unavailable),
            (.tooManyRequests, "TooManyRequests", .unavailable),
            (.badRequest, "InvalidChangeBatch", .rejected),
            (.forbidden, "SignatureDoesNotMatch", .rejected),
        ])
    func classification(status: HTTPResponse.Status, code: String, expected: ProviderError.Code) async throws {
        try await Self.failingRoute53(status: status, code: code).test(.live) { client in
            // Given a Route53 that answers a change with this error
            let dns = Route53DNSProvider(configuration: Route53Configuration(
                credentials: AWSCredentials(accessKeyID: "a", secretAccessKey: "b"), hostedZone: .id("Z1"),
                endpoint: "http://localhost:\(try #require(client.port))"))

            // When a record is upserted, Then the error has the expected class and names the AWS code
            let error = await #expect(throws: ProviderError.self) {
                try await dns.upsertRecords([DNSRecord(name: "a.example.com", target: "b.example.com")])
            }
            #expect(error?.code == expected)
            #expect(error?.detail.contains(code) == true)
        }
    }

    @Test("a record deleted by someone else between the read and the delete is read again, not reported")
    func deleteRace() async throws {
        // Given a Route53 that lists a record once, then refuses its deletion as Route53 does for a vanished record
        let calls = Mutex((lists: 0, changes: 0))
        let router = Router()
        router.get("/2013-04-01/hostedzone/{zone}/rrset") { _, _ -> Response in
            let first = calls.withLock { counts in
                counts.lists += 1
                return counts.lists == 1
            }
            let set = first
                ? "<ResourceRecordSet><Name>a.example.com.</Name><Type>CNAME</Type><TTL>300</TTL>"
                    + "<ResourceRecords><ResourceRecord><Value>b.example.com</Value></ResourceRecord></ResourceRecords></ResourceRecordSet>"
                : ""
            let xml = #"<?xml version="1.0"?><ListResourceRecordSetsResponse xmlns="https://route53.amazonaws.com/doc/2013-04-01/">"#
                + "<ResourceRecordSets>\(set)</ResourceRecordSets><IsTruncated>false</IsTruncated><MaxItems>1</MaxItems></ListResourceRecordSetsResponse>"
            return Response(status: .ok, headers: [.contentType: "text/xml"], body: .init(byteBuffer: ByteBuffer(string: xml)))
        }
        router.post("/2013-04-01/hostedzone/{zone}/rrset") { _, _ -> Response in
            calls.withLock { $0.changes += 1 }
            let xml = #"<?xml version="1.0"?><ErrorResponse xmlns="https://route53.amazonaws.com/doc/2013-04-01/"><Error>"#
                + "<Type>Sender</Type><Code>InvalidChangeBatch</Code><Message>[Tried to delete resource record set "
                + "[name='a.example.com.', type='CNAME'] but it was not found]</Message></Error></ErrorResponse>"
            return Response(status: .badRequest, headers: [.contentType: "text/xml"], body: .init(byteBuffer: ByteBuffer(string: xml)))
        }
        try await Application(router: router).test(.live) { client in
            let dns = Route53DNSProvider(configuration: Route53Configuration(
                credentials: AWSCredentials(accessKeyID: "a", secretAccessKey: "b"), hostedZone: .id("Z1"),
                endpoint: "http://localhost:\(try #require(client.port))"))

            // When the record is deleted
            try await dns.deleteRecords([DNSRecord(name: "a.example.com", target: "b.example.com")])

            // Then the refused change led to a second read, which found nothing left to delete
            #expect(calls.withLock { $0.lists } == 2)
            #expect(calls.withLock { $0.changes } == 1)
        }
    }

    @Test("the signature of each request verifies against the request as the server received it")
    func signaturesMatchWhatIsSent() async throws {
        // Given a Route53 that records what it receives and answers successfully
        struct Received: Sendable {
            var method: String
            var path: String
            var query: [(name: String, value: String)]
            var headers: [(name: String, value: String)]
            var authorization: String
            var body: [UInt8]
        }
        let received = Mutex<[Received]>([])
        let router = Router()
        let record: @Sendable (Request) async throws -> Void = { request in
            let body = Array(try await request.body.collect(upTo: 1 << 20).readableBytesView)
            var headers: [(name: String, value: String)] = [("host", request.head.authority ?? "")]
            for field in request.headers where ["content-type", "x-amz-date"].contains(field.name.canonicalName) {
                headers.append((field.name.canonicalName, field.value))
            }
            let query = request.uri.queryParameters.map { (name: String($0.key), value: String($0.value)) }
            let entry = Received(
                method: request.method.rawValue, path: request.uri.path, query: query, headers: headers,
                authorization: request.headers[.authorization] ?? "", body: body)
            received.withLock { $0.append(entry) }
        }
        router.get("/2013-04-01/hostedzone/{zone}/rrset") { request, _ -> Response in
            try await record(request)
            let xml = #"<ListResourceRecordSetsResponse><ResourceRecordSets/><IsTruncated>false</IsTruncated></ListResourceRecordSetsResponse>"#
            return Response(status: .ok, headers: [.contentType: "text/xml"], body: .init(byteBuffer: ByteBuffer(string: xml)))
        }
        router.post("/2013-04-01/hostedzone/{zone}/rrset") { request, _ -> Response in
            try await record(request)
            let xml = #"<ChangeResourceRecordSetsResponse><ChangeInfo><Id>/change/C1</Id><Status>PENDING</Status></ChangeInfo></ChangeResourceRecordSetsResponse>"#
            return Response(status: .ok, headers: [.contentType: "text/xml"], body: .init(byteBuffer: ByteBuffer(string: xml)))
        }
        let clock = ManualWallClock(Date(timeIntervalSince1970: 1_700_000_000))
        let credentials = AWSCredentials(accessKeyID: "AKIDTEST", secretAccessKey: "secret/with+chars")
        try await Application(router: router).test(.live) { client in
            let dns = Route53DNSProvider(
                configuration: Route53Configuration(
                    credentials: credentials, hostedZone: .id("Z1"), endpoint: "http://localhost:\(try #require(client.port))"),
                clock: clock)

            // When a record is read (a GET with a query) and written (a POST with a body)
            _ = try await dns.record(named: "a b.example.com")
            try await dns.upsertRecords([DNSRecord(name: "a.example.com", target: "b.example.com")])
        }

        // Then each Authorization header is the one computed from the method, path, query, headers and body received
        let signer = AWSSignatureV4(credentials: credentials, region: "us-east-1", service: "route53")
        let requests = received.withLock { $0 }
        #expect(requests.map(\.method) == ["GET", "POST"])
        for request in requests {
            let unsigned = request.headers.filter { $0.name != "x-amz-date" }
            let toSign = AWSSignatureV4.Request(
                method: request.method, path: request.path, query: request.query, headers: unsigned, body: request.body)
            let expected = signer.authorizationHeaders(for: toSign, at: clock.now()).last?.value
            #expect(request.authorization == expected, "\(request.method) \(request.path)")
            #expect(request.headers.contains { $0.name == "x-amz-date" && $0.value == "20231114T221320Z" })
        }
    }

    @Test("an endpoint nobody listens on is a retryable error")
    func unreachable() async throws {
        // Given an endpoint on a port that refuses connections
        let dns = Route53DNSProvider(configuration: Route53Configuration(
            credentials: AWSCredentials(accessKeyID: "a", secretAccessKey: "b"), hostedZone: .id("Z1"),
            endpoint: "http://127.0.0.1:1", requestTimeout: .seconds(2)))

        // When a record is upserted, Then the failure is retryable
        let error = await #expect(throws: ProviderError.self) {
            try await dns.upsertRecords([DNSRecord(name: "a.example.com", target: "b.example.com")])
        }
        #expect(error?.code == .unavailable)
    }
}
