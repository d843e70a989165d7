/// What the API server lets one client cost it: request sizes, how long a request head may take to arrive, how long
/// an idle connection stays open, and how many connections are served at once.
///
/// Requests over a size limit are refused with the catalogue's error body: the body with 413 `KAFKAS-MGMT-413`, the
/// URI with 414 `KAFKAS-MGMT-414`, the header fields with 431 `KAFKAS-MGMT-431`. A head that is not complete within
/// `headerReadTimeout` of its first byte, and a connection idle for `idleTimeout`, are closed; a connection beyond
/// `maximumConnections` is closed as soon as it is accepted.
public struct HTTPServerLimits: Sendable, Hashable {
    /// The largest request body, in bytes.
    public var maximumBodySize: Int
    /// The longest request target (path and query), in bytes.
    public var maximumURILength: Int
    /// The most bytes all header fields of a request may take together (names, values and separators).
    public var maximumHeaderSize: Int
    /// How long a request head may take from its first byte until it is complete (the slowloris defence).
    public var headerReadTimeout: Duration
    /// How long a connection may stay open without reading or writing anything.
    public var idleTimeout: Duration
    /// The most connections served at once; further ones are closed at once.
    public var maximumConnections: Int

    /// The HTTP decoder's own limit on a head line and on the whole head, above ours so that our limits answer first
    /// with an error body; a head past it is answered from the parser error (`RequestHeadGuard`).
    static let decoderHeadLimit = 64 * 1024

    /// Limits; the defaults suit the API (its largest body, an agent's status report, is a few kilobytes per kafka).
    public init(maximumBodySize: Int = 1 << 20, maximumURILength: Int = 8 * 1024, maximumHeaderSize: Int = 16 * 1024,
                headerReadTimeout: Duration = .seconds(10), idleTimeout: Duration = .seconds(60),
                maximumConnections: Int = 1_000) {
        self.maximumBodySize = maximumBodySize
        self.maximumURILength = maximumURILength
        self.maximumHeaderSize = maximumHeaderSize
        self.headerReadTimeout = headerReadTimeout
        self.idleTimeout = idleTimeout
        self.maximumConnections = maximumConnections
    }
}
