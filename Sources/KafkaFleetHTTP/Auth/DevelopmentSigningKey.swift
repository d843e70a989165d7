public import Foundation
import CryptoExtras
import JWTKit
import KafkaFleetCore

/// The signing key of a development installation: an RSA key pair kept in a data directory, whose public half
/// is published there as `jwks.json`, so the daemon can verify the tokens `kafkafleetctl token` mints.
///
/// The first `loadOrCreate(in:)` creates the pair (files readable by the owner only); later calls load it.
public struct DevelopmentSigningKey: Sendable {
    /// The issuer of development tokens, which the daemon requires by default.
    public static let defaultIssuer = "http://localhost:8000/auth/realms/kafkafleet-dev"
    /// The private key's file name in the data directory.
    public static let privateKeyFileName = "dev-signing-key.pem"
    /// The JWKS file name in the data directory.
    public static let jwksFileName = "jwks.json"

    /// The key id (`kid`) tokens carry.
    public let keyID: String
    /// The path of the JWKS with the public key, for a `FileJWKSSource`.
    public let jwksPath: String
    private let privateKey: JWTKit.Insecure.RSA.PrivateKey

    /// Loads the key of `directory`, creating the directory and a new key pair when there is none.
    public static func loadOrCreate(in directory: String) throws -> DevelopmentSigningKey {
        let files = FileManager.default
        let keyPath = (directory as NSString).appendingPathComponent(privateKeyFileName)
        let jwksPath = (directory as NSString).appendingPathComponent(jwksFileName)
        if files.fileExists(atPath: keyPath), files.fileExists(atPath: jwksPath) {
            let key = try JWTKit.Insecure.RSA.PrivateKey(pem: String(contentsOfFile: keyPath, encoding: .utf8))
            let jwks = try JSONDecoder().decode(JWKS.self, from: Data(contentsOf: URL(fileURLWithPath: jwksPath)))
            guard let kid = jwks.keys.first?.keyIdentifier?.string else { throw JWTError.invalidJWK(reason: "no kid in \(jwksPath)") }
            return DevelopmentSigningKey(keyID: kid, jwksPath: jwksPath, privateKey: key)
        }
        try files.createDirectory(atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let key = try JWTKit.Insecure.RSA.PrivateKey(backing: _RSA.Signing.PrivateKey(keySize: .bits2048))
        let kid = ResourceID.make()
        let primitives = try key.publicKey.getKeyPrimitives()
        let jwk = JWK.rsa(.rs256, identifier: JWKIdentifier(string: kid),
                          modulus: base64URL(primitives.modulus), exponent: base64URL(primitives.publicExponent))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        try write(Data(key.pemRepresentation.utf8), to: keyPath)
        try write(encoder.encode(JWKS(keys: [jwk])), to: jwksPath)
        return DevelopmentSigningKey(keyID: kid, jwksPath: jwksPath, privateKey: key)
    }

    /// A signed RS256 token for a user (or, with `clientID`, a service such as an agent).
    public func mint(orgID: String, username: String, isOrgAdmin: Bool = false, ttl: Duration = .seconds(3600),
                     clientID: String? = nil, roles: [String] = [], issuer: String = defaultIssuer,
                     now: Date = Date()) async throws -> String {
        let claims = TokenClaims(
            exp: (now.timeIntervalSince1970 + ttl.timeInterval).rounded(.down), iat: now.timeIntervalSince1970.rounded(.down),
            iss: issuer, typ: "Bearer", username: username, orgID: orgID.isEmpty ? nil : orgID, isOrgAdmin: isOrgAdmin,
            clientID: clientID, realmAccess: roles.isEmpty ? nil : TokenClaims.RealmAccess(roles: roles))
        return try await sign(claims)
    }

    /// Signs arbitrary claims with the development key (for tests of the verifier's refusals).
    public func sign(_ claims: TokenClaims) async throws -> String {
        let keys = JWTKeyCollection()
        await keys.add(rsa: privateKey, digestAlgorithm: .sha256, kid: JWKIdentifier(string: keyID))
        return try await keys.sign(claims, kid: JWKIdentifier(string: keyID))
    }

    private static func write(_ data: Data, to path: String) throws {
        guard FileManager.default.createFile(atPath: path, contents: data, attributes: [.posixPermissions: 0o600]) else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path])
        }
    }

    private static func base64URL(_ data: Data) -> String {
        data.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}
