public import Crypto
public import Foundation

/// An AWS access key, and the session token that comes with temporary (STS) credentials.
public struct AWSCredentials: Sendable, Hashable {
    /// The access key id, e.g. `AKIDEXAMPLE`.
    public var accessKeyID: String
    /// The secret access key; used only to derive signing keys, never sent.
    public var secretAccessKey: String
    /// The session token of temporary credentials, sent as `x-amz-security-token`.
    public var sessionToken: String?

    /// Credentials from their parts.
    public init(accessKeyID: String, secretAccessKey: String, sessionToken: String? = nil) {
        self.accessKeyID = accessKeyID
        self.secretAccessKey = secretAccessKey
        self.sessionToken = sessionToken
    }
}

/// Signs HTTP requests with AWS Signature Version 4 in the `Authorization` header, as every AWS REST API
/// (Route53 included) requires.
///
/// The steps are those of the AWS specification: a canonical request, a string to sign naming the
/// credential scope (`date/region/service/aws4_request`), a signing key derived by chained HMAC-SHA256
/// from the secret key, and the hex HMAC of the string to sign under that key. Each step is public so
/// that tests can check it against AWS's published examples.
public struct AWSSignatureV4: Sendable {
    /// The algorithm name that starts the string to sign and the `Authorization` header.
    public static let algorithm = "AWS4-HMAC-SHA256"

    /// A request to sign, described as it will be sent.
    public struct Request: Sendable {
        /// The method, e.g. `POST`.
        public var method: String
        /// The path as sent, e.g. `/2013-04-01/hostedzone/Z1/rrset`.
        public var path: String
        /// The query parameters, not yet encoded; the canonical order is computed when signing.
        public var query: [(name: String, value: String)]
        /// The headers to sign; must contain `host` with the value that is sent.
        public var headers: [(name: String, value: String)]
        /// The body bytes (empty for none).
        public var body: [UInt8]

        /// A request from its parts.
        public init(
            method: String, path: String, query: [(name: String, value: String)] = [],
            headers: [(name: String, value: String)], body: [UInt8] = []
        ) {
            self.method = method
            self.path = path
            self.query = query
            self.headers = headers
            self.body = body
        }
    }

    /// The key that signs.
    public var credentials: AWSCredentials
    /// The region of the credential scope, e.g. `us-east-1` (Route53's, whatever the kafka's region).
    public var region: String
    /// The service of the credential scope, e.g. `route53`.
    public var service: String

    /// A signer for one region and service.
    public init(credentials: AWSCredentials, region: String, service: String) {
        self.credentials = credentials
        self.region = region
        self.service = service
    }

    /// The headers to add to the request: `x-amz-date`, `x-amz-security-token` for temporary credentials,
    /// and `authorization`.
    public func authorizationHeaders(for request: Request, at date: Date) -> [(name: String, value: String)] {
        let stamp = Self.timestamp(date)
        var added: [(name: String, value: String)] = [("x-amz-date", stamp)]
        if let token = credentials.sessionToken { added.append(("x-amz-security-token", token)) }
        var signed = request
        signed.headers += added
        let canonical = canonicalRequest(signed)
        let toSign = stringToSign(canonicalRequest: canonical, at: date)
        let signature = Self.hex(HMAC<SHA256>.authenticationCode(for: Array(toSign.utf8), using: signingKey(at: date)))
        let authorization = "\(Self.algorithm) Credential=\(credentials.accessKeyID)/\(scope(at: date)), "
            + "SignedHeaders=\(Self.signedHeaderNames(signed.headers)), Signature=\(signature)"
        return added + [("authorization", authorization)]
    }

    /// The canonical request: method, canonical path, canonical query, canonical headers, signed header
    /// names and the hex SHA-256 of the body, one per line.
    public func canonicalRequest(_ request: Request) -> String {
        let path = request.path.isEmpty ? "/" : request.path
        let segments: [String] = path.split(separator: "/", omittingEmptySubsequences: false).map { percentEncode(String($0)) }
        let canonicalPath = segments.joined(separator: "/")
        let encoded: [(name: String, value: String)] = request.query.map { (percentEncode($0.name), percentEncode($0.value)) }
        let sorted = encoded.sorted { lhs, rhs in lhs.name == rhs.name ? lhs.value < rhs.value : lhs.name < rhs.name }
        let canonicalQuery = sorted.map { "\($0.name)=\($0.value)" }.joined(separator: "&")
        let headers = Self.canonicalHeaders(request.headers)
        let canonicalHeaders = headers.map { "\($0.name):\($0.value)\n" }.joined()
        return [
            request.method.uppercased(), canonicalPath, canonicalQuery, canonicalHeaders,
            Self.signedHeaderNames(request.headers), Self.hex(SHA256.hash(data: request.body)),
        ].joined(separator: "\n")
    }

    /// The string to sign: algorithm, timestamp, credential scope and the hex SHA-256 of the canonical request.
    public func stringToSign(canonicalRequest: String, at date: Date) -> String {
        [Self.algorithm, Self.timestamp(date), scope(at: date), Self.hex(SHA256.hash(data: Array(canonicalRequest.utf8)))]
            .joined(separator: "\n")
    }

    /// The signing key of a day: HMAC chained over date, region, service and `aws4_request`, starting
    /// from `AWS4` + the secret key.
    public func signingKey(at date: Date) -> SymmetricKey {
        var key = SymmetricKey(data: Array("AWS4\(credentials.secretAccessKey)".utf8))
        for part in [Self.dateStamp(date), region, service, "aws4_request"] {
            key = SymmetricKey(data: Array(HMAC<SHA256>.authenticationCode(for: Array(part.utf8), using: key)))
        }
        return key
    }

    /// The credential scope, `yyyyMMdd/region/service/aws4_request`.
    public func scope(at date: Date) -> String {
        "\(Self.dateStamp(date))/\(region)/\(service)/aws4_request"
    }

    /// The `x-amz-date` form of a time: `yyyyMMdd'T'HHmmss'Z'` in UTC.
    public static func timestamp(_ date: Date) -> String {
        let parts = utcComponents(date)
        return dateStamp(date) + "T" + [parts.hour, parts.minute, parts.second].map { twoDigits($0 ?? 0) }.joined() + "Z"
    }

    /// The day of a time in UTC, `yyyyMMdd`.
    public static func dateStamp(_ date: Date) -> String {
        let parts = utcComponents(date)
        let year = String(parts.year ?? 0)
        return String(repeating: "0", count: max(0, 4 - year.count)) + year
            + twoDigits(parts.month ?? 0) + twoDigits(parts.day ?? 0)
    }

    private static func utcComponents(_ date: Date) -> DateComponents {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? TimeZone(secondsFromGMT: 0) ?? calendar.timeZone
        return calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
    }

    private static func twoDigits(_ value: Int) -> String {
        value < 10 ? "0\(value)" : String(value)
    }

    /// Lower-cased names, values trimmed with inner runs of spaces collapsed, repeated names joined by
    /// commas in order, sorted by name.
    private static func canonicalHeaders(_ headers: [(name: String, value: String)]) -> [(name: String, value: String)] {
        var merged: [String: [String]] = [:]
        for (name, value) in headers {
            let collapsed = value.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
            merged[name.lowercased(), default: []].append(collapsed.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        return merged.keys.sorted().map { ($0, merged[$0, default: []].joined(separator: ",")) }
    }

    private static func signedHeaderNames(_ headers: [(name: String, value: String)]) -> String {
        Set(headers.map { $0.name.lowercased() }).sorted().joined(separator: ";")
    }

    private static func hex<D: Sequence>(_ bytes: D) -> String where D.Element == UInt8 {
        var text = ""
        for byte in bytes {
            let digits = String(byte, radix: 16)
            text += digits.count == 1 ? "0" + digits : digits
        }
        return text
    }
}
