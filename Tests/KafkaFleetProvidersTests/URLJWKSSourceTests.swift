import Foundation
import Hummingbird
import HummingbirdTesting
import KafkaFleetCore
import KafkaFleetProviders
import Synchronization
import Testing

/// An in-test identity provider serving a JWKS document at `/certs`, which a test can replace or make fail, and
/// counting the fetches.
final class FakeJWKSServer: Sendable {
    private struct State {
        var document = #"{"keys":[]}"#
        var failure: HTTPResponse.Status?
        var fetches = 0
    }

    private let state = Mutex(State())

    /// How many times `/certs` was fetched.
    var fetches: Int { state.withLock { $0.fetches } }
    /// Serves `document` from now on.
    func serve(_ document: String) { state.withLock { $0.document = document } }
    /// Answers every fetch with `status` (`nil`: serve the document again).
    func fail(with status: HTTPResponse.Status?) { state.withLock { $0.failure = status } }

    var application: some ApplicationProtocol {
        let router = Router()
        router.get("certs") { _, _ -> Response in
            let (document, failure) = self.state.withLock { state in
                state.fetches += 1
                return (state.document, state.failure)
            }
            if let failure { return .json(failure, #"{"error":"unavailable"}"#) }
            return .json(.ok, document)
        }
        return Application(router: router)
    }

    /// Runs `body` with the server live and the URL of its JWKS.
    func withLive<Value: Sendable>(_ body: @Sendable (String) async throws -> Value) async throws -> Value {
        try await application.test(.live) { client in
            try await body("http://localhost:\(try #require(client.port))/certs")
        }
    }
}

@Suite("JWKS fetched from a URL")
struct URLJWKSSourceTests {
    @Test("each load fetches the document afresh, so a reload after a key rotation sees the new keys")
    func fetchesAfresh() async throws {
        let server = FakeJWKSServer()
        server.serve(#"{"keys":[{"kid":"first"}]}"#)
        try await server.withLive { (url: String) async throws -> Void in
            let source = URLJWKSSource(url: url)
            #expect(try await source.loadJWKS() == #"{"keys":[{"kid":"first"}]}"#)

            server.serve(#"{"keys":[{"kid":"second"}]}"#)

            #expect(try await source.loadJWKS() == #"{"keys":[{"kid":"second"}]}"#)
            #expect(server.fetches == 2)
        }
    }

    @Test("a server error is a failure worth retrying, a refusal one that is not", arguments: [
        (HTTPResponse.Status.serviceUnavailable, ProviderError.Code.unavailable),
        (.internalServerError, .unavailable),
        (.notFound, .rejected),
        (.forbidden, .rejected),
    ])
    func failedFetch(status: HTTPResponse.Status, code: ProviderError.Code) async throws {
        let server = FakeJWKSServer()
        server.fail(with: status)
        try await server.withLive { (url: String) async throws -> Void in
            do {
                _ = try await URLJWKSSource(url: url).loadJWKS()
                Issue.record("a \(status.code) answer was taken as a JWKS")
            } catch let error as ProviderError {
                #expect(error.code == code)
                #expect(error.provider == "jwks")
            }
        }
    }

    @Test("a URL whose server is gone is unavailable (worth retrying), within the fetch's bound")
    func unreachable() async throws {
        let url = try await FakeJWKSServer().withLive { $0 }

        do {
            _ = try await URLJWKSSource(url: url).loadJWKS()
            Issue.record("a stopped server's URL gave a JWKS")
        } catch let error as ProviderError {
            #expect(error.code == .unavailable)
        }
    }
}
