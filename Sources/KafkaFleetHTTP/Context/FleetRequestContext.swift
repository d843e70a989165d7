public import Hummingbird

/// The request context of every KafkaFleet route: Hummingbird's core storage, the request's operation id
/// and, once the authentication middleware has verified a token, the caller.
public struct FleetRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The id of this request's operation, returned in `X-Operation-ID` and in error bodies.
    public var operationID: String
    /// The verified caller; `nil` on public routes and before authentication.
    public var caller: Caller?
    /// The largest request body decoding accepts, in bytes (`RequestLimitsMiddleware` sets the server's limit).
    public var maxUploadSize: Int

    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.operationID = ""
        self.caller = nil
        self.maxUploadSize = HTTPServerLimits().maximumBodySize
    }
}
