import Crypto

/// Secrets of store-backed service accounts: how a new one is made and how it is kept.
public enum ServiceAccountSecret {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".utf8)

    /// The length of a generated secret: 32 characters of 62, about 190 random bits, like Keycloak's.
    public static let length = 32

    /// A new secret from the system's cryptographic random source.
    public static func generate() -> String {
        var generator = SystemRandomNumberGenerator()
        let characters = (0..<length).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] }
        return String(decoding: characters, as: UTF8.self)
    }

    /// The lowercase hex SHA-256 of the secret's UTF-8 bytes: what the store keeps instead of the secret.
    public static func sha256(_ secret: String) -> String {
        SHA256.hash(data: Array(secret.utf8)).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }
}
