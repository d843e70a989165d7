public import Hummingbird
import KafkaFleetCore

/// Turns a request's credentials into a `Caller` (any valid token) and checks a caller against the tenant
/// rules (issuer, organisation, deny list, access list). Shared by every surface: public, agent and admin.
public struct Authenticator: Sendable {
    /// The token verifier.
    public let verifier: TokenVerifier
    /// The tenant rules.
    public let policy: AccessPolicy

    /// An authenticator over a verifier and a policy.
    public init(verifier: TokenVerifier, policy: AccessPolicy) {
        self.verifier = verifier
        self.policy = policy
    }

    /// The caller of a request with a valid token (`Authorization: Bearer …`, else the `cs_jwt` cookie).
    public func authenticate(_ request: Request) async throws(APIError) -> Caller {
        let token = try Self.token(of: request)
        do {
            return try await verifier.verify(token).caller
        } catch {
            throw Self.unauthenticated(error.reason)
        }
    }

    /// Checks a caller against the tenant rules, in the reference's order.
    public func authorizeTenant(_ caller: Caller) throws(APIError) {
        guard caller.issuer == policy.issuer, !caller.organisationID.isEmpty else { throw Self.unauthenticated("") }
        if policy.deniedUsernames.contains(caller.username) {
            throw APIError(.forbidden, reason: "user '\(caller.username)' is not authorized to access the service.")
        }
        if let allowed = policy.allowedOrganisations, !allowed.contains(caller.organisationID) {
            throw APIError(.serviceUnderMaintenance)
        }
    }

    /// A 401 `KAFKAS-MGMT-15` with the `WWW-Authenticate` challenge.
    public static func unauthenticated(_ reason: String) -> APIError {
        APIError(.unauthenticated, reason: reason, headers: APIError.challenge)
    }

    private static func token(of request: Request) throws(APIError) -> String {
        guard let header = request.headers[.authorization] else {
            if let cookie = request.cookies["cs_jwt"]?.value, !cookie.isEmpty { return cookie }
            throw unauthenticated("Request doesn't contain the 'Authorization' header or the 'cs_jwt' cookie")
        }
        guard let space = header.firstIndex(where: { $0 == " " || $0 == "\t" }),
              header[..<space].allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }), space != header.startIndex
        else { throw unauthenticated("Authorization header '\(header)' is malformed") }
        let scheme = header[..<space]
        guard scheme.lowercased() == "bearer" else { throw unauthenticated("Authentication type '\(scheme)' isn't supported") }
        let token = header[space...].drop { $0 == " " || $0 == "\t" }
        guard !token.isEmpty else { throw unauthenticated("Bearer token is malformed") }
        return String(token)
    }
}
