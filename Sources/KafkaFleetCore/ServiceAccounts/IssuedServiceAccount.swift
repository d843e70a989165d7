/// A service account together with a secret that was just generated for it: the answer to creating an account
/// and to resetting its credentials, the only two moments its secret is ever shown.
public struct IssuedServiceAccount: Sendable, Hashable {
    /// The account.
    public var account: ServiceAccount
    /// Its new client secret, in clear text.
    public var clientSecret: String

    /// An issued account from its parts.
    public init(account: ServiceAccount, clientSecret: String) {
        self.account = account
        self.clientSecret = clientSecret
    }
}
