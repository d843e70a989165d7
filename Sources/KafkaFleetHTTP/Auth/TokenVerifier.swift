import Foundation
import JWTKit
public import KafkaFleetCore
import Synchronization

/// Verifies bearer tokens against the keys of a JWKS: RS256 signatures by a key named in the token's `kid`,
/// and the time claims (`exp` and `iat` required, `nbf` honoured, no clock tolerance), as the reference does.
///
/// Keys are loaded at the first token and reloaded, at most once per `minimumReloadInterval`, when a token names
/// an unknown `kid`; a reload replaces the whole set, so a key removed from the JWKS stops verifying.
///
/// A client sends the same token on every call until it expires, and checking an RS256 signature costs more than
/// the rest of a typical request, so the claims of a token whose signature checked out are remembered (up to
/// `verifiedCapacity` tokens, forgotten at every key reload); the time claims are still checked on every call.
public final class TokenVerifier: Sendable {
    private struct Keys {
        var collection: JWTKeyCollection?
        var kids: Set<String> = []
        var lastLoad: ContinuousClock.Instant?
        /// The load in progress, which callers needing a key wait for rather than failing while it runs.
        var loading: Task<Void, Never>?
        /// Claims of tokens whose signature verified with the current keys.
        var verified: [String: TokenClaims] = [:]
    }

    /// How many verified tokens are remembered; past it the memory starts over.
    public static let verifiedCapacity = 4096

    private let source: any JWKSSource
    private let clock: any WallClock
    private let minimumReloadInterval: Duration
    private let keys = Mutex(Keys())

    /// A verifier of the keys `source` serves.
    public init(source: any JWKSSource, clock: any WallClock = SystemWallClock(), minimumReloadInterval: Duration = .seconds(60)) {
        self.source = source
        self.clock = clock
        self.minimumReloadInterval = minimumReloadInterval
    }

    /// Loads the keys now (for example at startup, to fail fast on a bad JWKS).
    public func loadKeys() async throws {
        let document = try await source.loadJWKS()
        let jwks = try JSONDecoder().decode(JWKS.self, from: Data(document.utf8))
        let usable = jwks.keys.filter { $0.keyType == .rsa && $0.keyIdentifier != nil }
        let collection = JWTKeyCollection()
        try await collection.add(jwks: JWKS(keys: usable))
        let kids = Set(usable.compactMap { $0.keyIdentifier?.string })
        keys.withLock {
            $0.collection = collection
            $0.kids = kids
            $0.lastLoad = .now
            $0.verified = [:]
        }
    }

    /// The verified claims of `token`, or the 401 reason.
    public func verify(_ token: String) async throws(AuthenticationFailure) -> TokenClaims {
        if let claims = keys.withLock({ $0.verified[token] }) {
            try checkTimeAndType(of: claims)
            return claims
        }
        let header = try Self.header(of: token)
        guard header.alg == "RS256", let kid = header.kid else { throw AuthenticationFailure("Bearer token can't be verified") }
        let collection = await collection(knowing: kid)
        guard let collection else { throw AuthenticationFailure("Bearer token can't be verified") }
        let claims: TokenClaims
        do {
            claims = try await collection.verify(token, as: TokenClaims.self)
        } catch let error as JWTError where error.errorType == .signatureVerificationFailed {
            throw AuthenticationFailure("Signature of bearer token isn't valid")
        } catch {
            throw AuthenticationFailure("Bearer token is malformed")
        }
        try checkTimeAndType(of: claims)
        keys.withLock { state in
            // Only while the keys that verified it are still the loaded ones.
            guard state.collection === collection else { return }
            if state.verified.count >= Self.verifiedCapacity { state.verified = [:] }
            state.verified[token] = claims
        }
        return claims
    }

    /// The key collection, reloaded first when it does not know `kid` and the last load is old enough. Callers
    /// that arrive while a load runs (the first requests after start, a burst after a rotation) wait for it.
    private func collection(knowing kid: String) async -> JWTKeyCollection? {
        let load = keys.withLock { state -> Task<Void, Never>? in
            if state.kids.contains(kid) { return nil }
            if let loading = state.loading { return loading }
            if let last = state.lastLoad, ContinuousClock.now - last < minimumReloadInterval { return nil }
            state.lastLoad = .now
            let loading = Task {
                try? await self.loadKeys()
                self.keys.withLock { $0.loading = nil }
            }
            state.loading = loading
            return loading
        }
        await load?.value
        return keys.withLock { $0.kids.contains(kid) ? $0.collection : nil }
    }

    private func checkTimeAndType(of claims: TokenClaims) throws(AuthenticationFailure) {
        let now = clock.now().timeIntervalSince1970
        guard let exp = claims.exp else { throw AuthenticationFailure("Bearer token doesn't contain required claim 'exp'") }
        guard let iat = claims.iat else { throw AuthenticationFailure("Bearer token doesn't contain required claim 'iat'") }
        if exp <= now { throw AuthenticationFailure("Bearer token is expired") }
        if iat > now { throw AuthenticationFailure("Bearer token was issued in the future") }
        if let nbf = claims.nbf, nbf > now { throw AuthenticationFailure("Bearer token isn't valid yet") }
        if let typ = claims.typ, typ.lowercased() != "bearer" {
            throw AuthenticationFailure("Bearer token type '\(typ)' isn't allowed")
        }
        if claims.impersonated == true { throw AuthenticationFailure("Impersonation isn't allowed") }
    }

    /// The fields of a token's header the verifier needs.
    private struct Header: Decodable {
        var alg: String?
        var kid: String?
    }

    private static func header(of token: String) throws(AuthenticationFailure) -> Header {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, let data = base64URLDecode(parts[0]),
              let header = try? JSONDecoder().decode(Header.self, from: data)
        else { throw AuthenticationFailure("Bearer token is malformed") }
        return header
    }

    private static func base64URLDecode(_ text: Substring) -> Data? {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        return Data(base64Encoded: base64)
    }
}

/// Why a token was not accepted: the reason of the 401 `KAFKAS-MGMT-15`.
public struct AuthenticationFailure: Error, Sendable, Hashable {
    /// The reason shown to the caller.
    public var reason: String

    /// A failure with a reason.
    public init(_ reason: String) { self.reason = reason }
}
