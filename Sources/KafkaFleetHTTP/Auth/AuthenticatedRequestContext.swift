public import Hummingbird

/// The context of handlers behind `AuthenticationMiddleware`: like `FleetRequestContext`, but the caller is
/// always there. Creating it without a caller fails with 401, so a route mistakenly added without the
/// middleware refuses every request instead of running unauthenticated.
public struct AuthenticatedRequestContext: ChildRequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The id of this request's operation.
    public var operationID: String
    /// The verified caller.
    public var caller: Caller
    /// The largest request body decoding accepts, in bytes.
    public var maxUploadSize: Int

    public init(context: FleetRequestContext) throws {
        guard let caller = context.caller else { throw Authenticator.unauthenticated("") }
        self.coreContext = context.coreContext
        self.operationID = context.operationID
        self.caller = caller
        self.maxUploadSize = context.maxUploadSize
    }
}
