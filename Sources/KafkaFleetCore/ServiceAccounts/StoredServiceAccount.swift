/// A service account as the fleet's store keeps it: the account and the SHA-256 of its secret, never the
/// secret itself, so that a copy of the database gives nobody a working credential.
public struct StoredServiceAccount: Sendable, Hashable {
    /// The account.
    public var account: ServiceAccount
    /// The lowercase hex SHA-256 of the current secret's UTF-8 bytes.
    public var secretSHA256: String

    /// A stored account from its parts.
    public init(account: ServiceAccount, secretSHA256: String) {
        self.account = account
        self.secretSHA256 = secretSHA256
    }
}
