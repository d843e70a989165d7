public import Hummingbird
import KafkaFleetCore

/// Turns a request's credentials into a `Caller` (any valid token) and checks a caller against the rules of the
/// surface it calls: the tenant rules (issuer, organisation, username, deny list, access list) on the public API, the
/// admin issuer on the admin API, the agent issuer on the agent API. Shared by every surface.
///
/// Only the `Authorization: Bearer` header is read. The reference's server also reads a `cs_jwt` cookie (for its
/// web console); none of its SDKs, CLI or agent use it, and a cookie would make every route open to cross-site
/// requests, so we do not.
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

    /// The caller of a request with a valid token (`Authorization: Bearer …`).
    public func authenticate(_ request: Request) async throws(APIError) -> Caller {
        let token = try Self.token(of: request)
        do {
            return try await verifier.verify(token).caller
        } catch {
            throw Self.unauthenticated(error.reason)
        }
    }

    /// Checks a caller against the tenant rules, in the reference's order. A token without a username (`username`
    /// or `preferred_username`) is refused like one without an organisation: nothing could own what it creates.
    public func authorizeTenant(_ caller: Caller) throws(APIError) {
        try authorizePublicIssuer(caller)
        guard !caller.username.isEmpty else { throw Self.unauthenticated("the token has no username") }
        if policy.deniedUsernames.contains(caller.username) {
            throw APIError(.forbidden, reason: "user '\(caller.username)' is not authorized to access the service.")
        }
        if let allowed = policy.allowedOrganisations, !allowed.contains(caller.organisationID) {
            throw APIError(.serviceUnderMaintenance)
        }
    }

    /// Checks that a caller's token comes from the public API's issuer and names an organisation (401 otherwise);
    /// the enterprise cluster routes need this much and no more.
    public func authorizePublicIssuer(_ caller: Caller) throws(APIError) {
        guard caller.issuer == policy.issuer, !caller.organisationID.isEmpty else { throw Self.unauthenticated("") }
    }

    /// Checks that a caller's token comes from the admin issuer; anything else is told the resource does not exist
    /// (404 `KAFKAS-MGMT-7`), as the reference does.
    public func authorizeAdmin(_ caller: Caller) throws(APIError) {
        guard caller.issuer == policy.adminIssuer else { throw APIError(.notFound, reason: "Resource not found") }
    }

    /// Checks that a caller's token comes from the agent issuer (404 `KAFKAS-MGMT-7` otherwise, as the reference).
    public func authorizeAgent(_ caller: Caller) throws(APIError) {
        guard caller.issuer == policy.agentIssuer else { throw APIError(.notFound, reason: "Resource not found") }
    }

    /// A 401 `KAFKAS-MGMT-15` with the `WWW-Authenticate` challenge.
    public static func unauthenticated(_ reason: String) -> APIError {
        APIError(.unauthenticated, reason: reason, headers: APIError.challenge)
    }

    private static func token(of request: Request) throws(APIError) -> String {
        guard let header = request.headers[.authorization] else {
            throw unauthenticated("Request doesn't contain the 'Authorization' header")
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
