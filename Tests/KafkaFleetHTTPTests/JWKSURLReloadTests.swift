import Foundation
import Hummingbird
import HummingbirdTesting
import KafkaFleetCore
import KafkaFleetHTTP
import KafkaFleetProviders
import Synchronization
import Testing

/// The JWKS document an in-test identity provider serves, and how often it was fetched.
private final class ServedJWKS: Sendable {
    let document: Mutex<String>
    let fetches = Mutex(0)

    init(_ document: String) {
        self.document = Mutex(document)
    }

    var application: some ApplicationProtocol {
        let router = Router()
        router.get("certs") { _, _ -> Response in
            let document = self.document.withLock { $0 }
            self.fetches.withLock { $0 += 1 }
            return Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: document)))
        }
        return Application(router: router)
    }
}

@Suite("Keys fetched from a JWKS URL")
struct JWKSURLReloadTests {
    @Test("a token naming a key id the verifier does not know makes it fetch the URL again; known key ids do not")
    func reloadOnUnknownKeyID() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("url-rotation-\(UUID().uuidString)").path
        let first = try DevelopmentSigningKey.loadOrCreate(in: directory + "/a")
        let second = try DevelopmentSigningKey.loadOrCreate(in: directory + "/b")
        let served = ServedJWKS(try String(contentsOfFile: first.jwksPath, encoding: .utf8))
        let secondJWKS = try String(contentsOfFile: second.jwksPath, encoding: .utf8)
        let firstToken = try await first.mint(orgID: "o", username: "u")
        let secondToken = try await second.mint(orgID: "o", username: "v")

        try await served.application.test(.live) { client in
            let url = "http://localhost:\(try #require(client.port))/certs"
            let verifier = TokenVerifier(source: URLJWKSSource(url: url), minimumReloadInterval: .zero)

            #expect(try await verifier.verify(firstToken).username == "u")
            #expect(try await verifier.verify(try await first.mint(orgID: "o", username: "w")).username == "w")
            #expect(served.fetches.withLock { $0 } == 1, "a known key id needs no fetch")

            served.document.withLock { $0 = secondJWKS }

            #expect(try await verifier.verify(secondToken).username == "v")
            #expect(served.fetches.withLock { $0 } == 2, "the unknown key id made the verifier fetch the rotated JWKS")
        }
    }

    @Test("unknown key ids within the reload interval fetch the URL no more than once")
    func reloadsAtMostOncePerInterval() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("url-interval-\(UUID().uuidString)").path
        let first = try DevelopmentSigningKey.loadOrCreate(in: directory + "/a")
        let stranger = try DevelopmentSigningKey.loadOrCreate(in: directory + "/b")
        let served = ServedJWKS(try String(contentsOfFile: first.jwksPath, encoding: .utf8))
        let strangerToken = try await stranger.mint(orgID: "o", username: "x")

        try await served.application.test(.live) { client in
            let url = "http://localhost:\(try #require(client.port))/certs"
            let verifier = TokenVerifier(source: URLJWKSSource(url: url), minimumReloadInterval: .seconds(3600))
            try await verifier.loadKeys()

            for _ in 0..<3 {
                await #expect(throws: AuthenticationFailure.self) { try await verifier.verify(strangerToken) }
            }

            #expect(served.fetches.withLock { $0 } == 1, "the first load only: the interval has not passed")
        }
    }
}
