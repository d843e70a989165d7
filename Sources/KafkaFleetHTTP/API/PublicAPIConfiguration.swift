/// What the public API says about its installation.
public struct PublicAPIConfiguration: Sendable, Hashable {
    /// The console base URL of `browser_url` (`--browser-url`); a trailing `/` is dropped.
    public var browserURL: String
    /// The build's revision, shown as `server_version`.
    public var serverVersion: String
    /// The identity provider `GET /sso_providers` describes.
    public var ssoProvider: SSOProvider

    /// The identity provider users get tokens from.
    public struct SSOProvider: Sendable, Hashable {
        /// `redhat_sso` or `mas_sso`, as the reference names them.
        public var name: String
        /// The realm's base URL.
        public var baseURL: String
        /// The token endpoint.
        public var tokenURL: String
        /// The JWKS URL.
        public var jwks: String
        /// The issuer tokens must carry.
        public var validIssuer: String

        /// A provider; empty fields are omitted on the wire.
        public init(name: String = "redhat_sso", baseURL: String = "", tokenURL: String = "", jwks: String = "",
                    validIssuer: String = DevelopmentSigningKey.defaultIssuer) {
            self.name = name
            self.baseURL = baseURL
            self.tokenURL = tokenURL
            self.jwks = jwks
            self.validIssuer = validIssuer
        }
    }

    /// A configuration; by default the reference's console URL and the development issuer.
    public init(browserURL: String = "http://localhost:8080/", serverVersion: String = "", ssoProvider: SSOProvider = SSOProvider()) {
        self.browserURL = browserURL
        self.serverVersion = serverVersion
        self.ssoProvider = ssoProvider
    }
}
