public import AsyncHTTPClient
import Foundation
public import KafkaFleetCore
public import Logging
import NIOHTTP1
import Synchronization

/// Where `Route53DNSProvider` writes and how it authenticates.
public struct Route53Configuration: Sendable {
    /// Which hosted zone holds the records.
    public enum HostedZone: Sendable, Hashable {
        /// A zone id, with or without the `/hostedzone/` prefix.
        case id(String)
        /// A zone name (the kafka domain, e.g. `kafka.example.com`), looked up once with ListHostedZonesByName.
        case name(String)
    }

    /// The API endpoint; AWS's unless a test points it at an emulator.
    public var endpoint: String
    /// The access key that signs every request.
    public var credentials: AWSCredentials
    /// The region of the signature's credential scope; Route53 is global and signs with `us-east-1`.
    public var region: String
    /// The zone holding the records.
    public var hostedZone: HostedZone
    /// The TTL of the records written, in seconds.
    public var ttl: Int
    /// How long one API request may take.
    public var requestTimeout: Duration

    /// A configuration with AWS's endpoint, `us-east-1`, a TTL of 300 s and a 30 s request timeout by default.
    public init(
        credentials: AWSCredentials, hostedZone: HostedZone, endpoint: String = "https://route53.amazonaws.com",
        region: String = "us-east-1", ttl: Int = 300, requestTimeout: Duration = .seconds(30)
    ) {
        self.credentials = credentials
        self.hostedZone = hostedZone
        self.endpoint = endpoint
        self.region = region
        self.ttl = ttl
        self.requestTimeout = requestTimeout
    }
}

/// A `DNSProvider` that writes CNAME records to an AWS Route53 hosted zone over its REST (XML) API,
/// signing each request with AWS Signature Version 4.
///
/// - `upsertRecords` sends one ChangeResourceRecordSets batch of `UPSERT`s, so repeating it is harmless.
/// - `deleteRecords` first reads each name's current CNAME (Route53 deletes only an exact match of the
///   current record set) and deletes what exists, whatever it points to; a name without a record is
///   skipped, so deleting twice is not an error. A record that disappears between the read and the
///   delete makes Route53 refuse the batch as "not found"; the read and delete are then repeated.
/// - Changes are accepted by Route53 as `PENDING` and reach its name servers within about a minute;
///   neither call waits for `INSYNC`.
///
/// Failures are `ProviderError`s: transport errors, 5xx, 429 and AWS throttling are `.unavailable`;
/// other refusals (a bad signature, a missing zone, an invalid change) are `.rejected`.
public final class Route53DNSProvider: DNSProvider {
    private static let apiVersion = "/2013-04-01"
    private static let namespace = "https://route53.amazonaws.com/doc/2013-04-01/"
    /// Attempts of a delete whose records vanish concurrently before it gives up.
    private static let deleteAttempts = 3

    private let configuration: Route53Configuration
    private let http: ProviderHTTP
    private let signer: AWSSignatureV4
    private let clock: any WallClock
    /// The zone id found by name, once found.
    private let resolvedZoneID: Mutex<String?>

    /// An adapter sending through `httpClient` (shared, not shut down by the adapter) and signing with
    /// times from `clock`.
    public init(
        configuration: Route53Configuration, httpClient: HTTPClient = .shared,
        clock: any WallClock = SystemWallClock(), logger: Logger = Logger(label: "kafkafleet.route53")
    ) {
        self.configuration = configuration
        self.http = ProviderHTTP(provider: "route53", client: httpClient, timeout: configuration.requestTimeout, logger: logger)
        self.signer = AWSSignatureV4(credentials: configuration.credentials, region: configuration.region, service: "route53")
        self.clock = clock
        self.resolvedZoneID = Mutex(nil)
    }

    /// Creates or replaces the CNAMEs in one change batch.
    public func upsertRecords(_ records: [DNSRecord]) async throws {
        let unique = Self.lastPerName(records)
        guard !unique.isEmpty else { return }
        let zone = try await hostedZoneID()
        let changes = unique.map { Change(action: "UPSERT", name: $0.name, ttl: configuration.ttl, values: [$0.target]) }
        try await change(zone: zone, changes)
    }

    /// Deletes the CNAMEs that exist at the records' names, whatever they point to.
    public func deleteRecords(_ records: [DNSRecord]) async throws {
        let names = Self.lastPerName(records).map(\.name)
        guard !names.isEmpty else { return }
        let zone = try await hostedZoneID()
        for attempt in 1...Self.deleteAttempts {
            var changes: [Change] = []
            for name in names {
                if let current = try await currentRecordSet(zone: zone, name: name) {
                    changes.append(Change(action: "DELETE", name: current.name, ttl: current.ttl, values: current.values))
                }
            }
            guard !changes.isEmpty else { return }
            do {
                try await change(zone: zone, changes)
                return
            } catch let error as ProviderError where error.detail.contains("not found") && attempt < Self.deleteAttempts {
                http.logger.debug("a record vanished before its deletion; reading again", metadata: ["error": "\(error)"])
            }
        }
    }

    /// The id of the configured hosted zone (without `/hostedzone/`), looked up by name on first use.
    public func hostedZoneID() async throws -> String {
        let name: String
        switch configuration.hostedZone {
        case .id(let id): return Self.bareZoneID(id)
        case .name(let zoneName): name = zoneName
        }
        if let known = resolvedZoneID.withLock({ $0 }) { return known }
        let answer = try await request(.GET, "/hostedzonesbyname", query: [("dnsname", name), ("maxitems", "1")], what: "ListHostedZonesByName")
        let zone = answer.child("HostedZones")?.children("HostedZone").first
        guard let zone, let id = zone.text(at: "Id"), Self.sameName(zone.text(at: "Name") ?? "", name) else {
            throw ProviderError(.rejected, provider: http.provider, "no hosted zone is named \(name)")
        }
        let bare = Self.bareZoneID(id)
        resolvedZoneID.withLock { $0 = bare }
        return bare
    }

    /// The CNAME record at `name`, if one exists.
    public func record(named name: String) async throws -> DNSRecord? {
        let zone = try await hostedZoneID()
        return try await currentRecordSet(zone: zone, name: name).flatMap { set in
            set.values.first.map { DNSRecord(name: Self.plainName(set.name), target: $0) }
        }
    }

    /// Every CNAME record of the zone (names without the trailing dot), reading all pages.
    public func records() async throws -> [DNSRecord] {
        let zone = try await hostedZoneID()
        var found: [DNSRecord] = []
        var start: [(String, String)] = []
        while true {
            let page = try await request(.GET, "/hostedzone/\(zone)/rrset", query: start, what: "ListResourceRecordSets")
            for set in page.child("ResourceRecordSets")?.children("ResourceRecordSet") ?? [] where set.text(at: "Type") == "CNAME" {
                for value in Self.values(of: set) {
                    found.append(DNSRecord(name: Self.plainName(set.text(at: "Name") ?? ""), target: value))
                }
            }
            guard page.text(at: "IsTruncated") == "true", let next = page.text(at: "NextRecordName") else { return found }
            start = [("name", next), ("type", page.text(at: "NextRecordType") ?? "CNAME")]
        }
    }

    // MARK: API calls

    /// One change of a batch.
    private struct Change {
        var action: String
        var name: String
        var ttl: Int
        var values: [String]
    }

    /// A record set as Route53 stores it.
    private struct RecordSet {
        var name: String
        var ttl: Int
        var values: [String]
    }

    private func change(zone: String, _ changes: [Change]) async throws {
        var xml = #"<?xml version="1.0" encoding="UTF-8"?>"#
        xml += #"<ChangeResourceRecordSetsRequest xmlns="\#(Self.namespace)"><ChangeBatch><Changes>"#
        for change in changes {
            xml += "<Change><Action>\(change.action)</Action><ResourceRecordSet>"
            xml += "<Name>\(xmlEscaped(change.name))</Name><Type>CNAME</Type><TTL>\(change.ttl)</TTL><ResourceRecords>"
            for value in change.values { xml += "<ResourceRecord><Value>\(xmlEscaped(value))</Value></ResourceRecord>" }
            xml += "</ResourceRecords></ResourceRecordSet></Change>"
        }
        xml += "</Changes></ChangeBatch></ChangeResourceRecordSetsRequest>"
        _ = try await request(.POST, "/hostedzone/\(zone)/rrset", body: Array(xml.utf8), what: "ChangeResourceRecordSets")
    }

    /// The CNAME record set named `name`: the first set at or after (name, CNAME) in Route53's order, if it is that one.
    private func currentRecordSet(zone: String, name: String) async throws -> RecordSet? {
        let page = try await request(
            .GET, "/hostedzone/\(zone)/rrset", query: [("name", name), ("type", "CNAME"), ("maxitems", "1")],
            what: "ListResourceRecordSets")
        guard let set = page.child("ResourceRecordSets")?.children("ResourceRecordSet").first,
            set.text(at: "Type") == "CNAME", let setName = set.text(at: "Name"), Self.sameName(setName, name)
        else { return nil }
        let values = Self.values(of: set)
        guard !values.isEmpty, let ttl = set.text(at: "TTL").flatMap(Int.init) else {
            // An alias record is not one this adapter writes; leave it alone.
            return nil
        }
        return RecordSet(name: setName, ttl: ttl, values: values)
    }

    /// Sends a signed request and returns the parsed XML answer of a 2xx response.
    private func request(
        _ method: HTTPMethod, _ path: String, query: [(String, String)] = [], body: [UInt8] = [], what: String
    ) async throws(ProviderError) -> XMLNode {
        let base = trimmedBaseURL(configuration.endpoint)
        guard let components = URLComponents(string: base), let host = components.host else {
            throw ProviderError(.rejected, provider: http.provider, "endpoint \(configuration.endpoint) is not a URL")
        }
        let defaultPort = components.scheme == "http" ? 80 : 443
        let hostHeader = components.port.map { $0 == defaultPort ? host : "\(host):\($0)" } ?? host
        let fullPath = Self.apiVersion + path
        var headers: [(name: String, value: String)] = [("host", hostHeader)]
        if !body.isEmpty { headers.append(("content-type", "text/xml")) }
        let toSign = AWSSignatureV4.Request(
            method: method.rawValue, path: fullPath, query: query.map { (name: $0.0, value: $0.1) }, headers: headers, body: body)
        headers += signer.authorizationHeaders(for: toSign, at: clock.now())
        let url = base + fullPath + (query.isEmpty ? "" : "?" + queryString(query))
        let response = try await http.send(method, url, headers: headers.map { ($0.name, $0.value) }, body: body.isEmpty ? nil : body)
        let document = XMLNode.parse(response.body)
        guard response.isSuccess else { throw failure(response, document, what) }
        guard let document else {
            throw ProviderError(.unavailable, provider: http.provider, "\(what): unreadable answer \(response.text.prefix(200))")
        }
        return document
    }

    /// Classifies an AWS error answer: throttling is retryable even though AWS sends it as a 400.
    private func failure(_ response: ProviderResponse, _ document: XMLNode?, _ what: String) -> ProviderError {
        let code = document?.text(at: "Error", "Code") ?? ""
        let message = document?.text(at: "Error", "Message") ?? response.text.prefix(300).description
        let retryable = response.status == 429 || response.status >= 500
            || ["Throttling", "ThrottlingException", "PriorRequestNotComplete", "ServiceUnavailable"].contains(code)
        return ProviderError(
            retryable ? .unavailable : .rejected, provider: http.provider, "\(what): HTTP \(response.status) \(code) \(message)")
    }

    // MARK: names

    private static func values(of set: XMLNode) -> [String] {
        (set.child("ResourceRecords")?.children("ResourceRecord") ?? []).compactMap { $0.text(at: "Value") }
    }

    private static func lastPerName(_ records: [DNSRecord]) -> [DNSRecord] {
        var byName: [String: DNSRecord] = [:]
        var order: [String] = []
        for record in records {
            let key = plainName(record.name)
            if byName.updateValue(record, forKey: key) == nil { order.append(key) }
        }
        return order.compactMap { byName[$0] }
    }

    private static func bareZoneID(_ id: String) -> String {
        id.hasPrefix("/hostedzone/") ? String(id.dropFirst("/hostedzone/".count)) : id
    }

    private static func sameName(_ lhs: String, _ rhs: String) -> Bool {
        plainName(lhs) == plainName(rhs)
    }

    /// A name in lower case without the trailing dot, with Route53's `\ddd` octal escapes decoded.
    private static func plainName(_ name: String) -> String {
        var bytes: [UInt8] = []
        var utf8 = Array(name.utf8)[...]
        while let byte = utf8.popFirst() {
            if byte == UInt8(ascii: "\\"), utf8.count >= 3,
                let code = UInt8(String(decoding: utf8.prefix(3), as: UTF8.self), radix: 8)
            {
                bytes.append(code)
                utf8 = utf8.dropFirst(3)
            } else {
                bytes.append(byte)
            }
        }
        var plain = String(decoding: bytes, as: UTF8.self).lowercased()
        if plain.hasSuffix(".") { plain.removeLast() }
        return plain
    }
}
