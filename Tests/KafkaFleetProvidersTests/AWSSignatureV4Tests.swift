import Crypto
import Foundation
import KafkaFleetProviders
import Testing

@Suite("AWS Signature Version 4")
struct AWSSignatureV4Tests {
    /// The credentials of the AWS Signature Version 4 test suite.
    static let suiteCredentials = AWSCredentials(
        accessKeyID: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY")

    static func utc(_ year: Int, _ month: Int, _ day: Int, _ hour: Int, _ minute: Int, _ second: Int) throws -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = try #require(TimeZone(identifier: "UTC"))
        return try #require(calendar.date(from: DateComponents(
            year: year, month: month, day: day, hour: hour, minute: minute, second: second)))
    }

    @Test("the test suite's get-vanilla request gets its published canonical request, string to sign and signature")
    func getVanilla() throws {
        // Given the suite's request, credentials, date, region and service
        let signer = AWSSignatureV4(credentials: Self.suiteCredentials, region: "us-east-1", service: "service")
        let date = try Self.utc(2015, 8, 30, 12, 36, 0)
        let request = AWSSignatureV4.Request(method: "GET", path: "/", headers: [("Host", "example.amazonaws.com")])

        // When it is signed
        let added = signer.authorizationHeaders(for: request, at: date)
        var withDate = request
        withDate.headers.append(("X-Amz-Date", "20150830T123600Z"))
        let canonical = signer.canonicalRequest(withDate)

        // Then every step matches the suite's files
        #expect(canonical == """
            GET
            /

            host:example.amazonaws.com
            x-amz-date:20150830T123600Z

            host;x-amz-date
            e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
            """)
        #expect(signer.stringToSign(canonicalRequest: canonical, at: date) == """
            AWS4-HMAC-SHA256
            20150830T123600Z
            20150830/us-east-1/service/aws4_request
            bb579772317eb040ac9ed261061d46c1f17a8133879d6129b6e1c25292927e63
            """)
        #expect(added.map(\.name) == ["x-amz-date", "authorization"])
        #expect(added.first?.value == "20150830T123600Z")
        #expect(added.last?.value == "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, "
            + "SignedHeaders=host;x-amz-date, Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31")
    }

    @Test("the signing key of AWS's key-derivation example is the published one")
    func signingKeyDerivation() throws {
        // Given the documentation's example: 2012-02-15, us-east-1, iam
        let signer = AWSSignatureV4(credentials: Self.suiteCredentials, region: "us-east-1", service: "iam")

        // When the key is derived
        let key = signer.signingKey(at: try Self.utc(2012, 2, 15, 0, 0, 0))

        // Then it is the published key
        let hex = key.withUnsafeBytes { $0.map { String(format: "%02x", $0) }.joined() }
        #expect(hex == "f4780e2d9f65fa895f9c67b32ce1baf0b0d8a43505a000a1a9e090d414db404d")
    }

    @Test("a Route53 request with a query, a body and a session token gets the signature botocore computes for it")
    func route53RequestMatchesBotocore() throws {
        // Given a POST with unsorted query parameters (one with a space), an XML body and temporary credentials
        var credentials = Self.suiteCredentials
        credentials.sessionToken = "TOKEN/xyz"
        let signer = AWSSignatureV4(credentials: credentials, region: "us-east-1", service: "route53")
        let request = AWSSignatureV4.Request(
            method: "POST", path: "/2013-04-01/hostedzone/Z1/rrset",
            query: [("type", "CNAME"), ("name", "a b.example.com"), ("maxitems", "1")],
            headers: [("host", "route53.amazonaws.com"), ("content-type", "text/xml")],
            body: Array("<x>a b</x>".utf8))

        // When it is signed at 2024-01-02T03:04:05Z
        let added = signer.authorizationHeaders(for: request, at: try Self.utc(2024, 1, 2, 3, 4, 5))

        // Then the headers are those botocore 1.x adds to the same request
        #expect(added.map(\.name) == ["x-amz-date", "x-amz-security-token", "authorization"])
        #expect(added.last?.value == "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20240102/us-east-1/route53/aws4_request, "
            + "SignedHeaders=content-type;host;x-amz-date;x-amz-security-token, "
            + "Signature=9dd14d20bcc0a42c4daa6abe6da1d8ba45b7342c323d7d178894ff97d1e7d0b8")
    }
}
