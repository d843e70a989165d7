public import HTTPTypes
public import Hummingbird
public import KafkaFleetCore

/// An error answered to a client in the reference's shape:
/// `{"kind":"Error","id":"<n>","href":"/api/kafkas_mgmt/v1/errors/<n>","code":"KAFKAS-MGMT-<n>","reason":…,"operation_id":…}`.
///
/// Everything a route throws becomes one of these in `OperationMiddleware`: a `FleetError` keeps its code and
/// reason, anything else is a 500 `KAFKAS-MGMT-9` whose reason reveals nothing internal.
public struct APIError: HTTPResponseError, Sendable {
    /// The catalogue code.
    public var code: FleetError.Code
    /// The reason shown; the catalogue's default when the refusal gave none.
    public var reason: String
    /// The request's operation id; omitted from the body when empty.
    public var operationID: String
    /// Headers to add, e.g. `WWW-Authenticate` on a 401.
    public var headers: HTTPFields

    /// An error for a catalogue code.
    public init(_ code: FleetError.Code, reason: String = "", operationID: String = "", headers: HTTPFields = [:]) {
        self.code = code
        self.reason = reason.isEmpty ? ErrorCatalogue.entry(for: code).defaultReason : reason
        self.operationID = operationID
        self.headers = headers
    }

    /// The error a service refusal is answered with.
    public init(_ error: FleetError, operationID: String = "") {
        self.init(error.code, reason: error.reason, operationID: operationID)
        if error.code == .unauthenticated { headers = Self.challenge }
    }

    /// The `WWW-Authenticate` header of every 401.
    public static let challenge: HTTPFields = [.wwwAuthenticate: "Bearer realm=\"KAFKAS-MGMT/v1\""]

    public var status: HTTPResponse.Status { ErrorCatalogue.entry(for: code).status }

    /// The body object.
    public var body: ErrorObject { ErrorObject(code: code, reason: reason, operationID: operationID) }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        var response = try WireJSON.response(body, status: status)
        response.headers.append(contentsOf: headers)
        return response
    }
}

/// The JSON of an error (the reference's `Error` schema).
public struct ErrorObject: Codable, Sendable, Hashable {
    /// The decimal code.
    public var id: String
    /// Always `Error`.
    public var kind: String
    /// `/api/kafkas_mgmt/v1/errors/<id>`.
    public var href: String
    /// `KAFKAS-MGMT-<id>`.
    public var code: String
    /// The reason.
    public var reason: String
    /// The operation id; `nil` is omitted.
    public var operationID: String?

    enum CodingKeys: String, CodingKey { case id, kind, href, code, reason, operationID = "operation_id" }

    /// The object of a code with a reason.
    public init(code: FleetError.Code, reason: String, operationID: String = "") {
        self.id = String(code.rawValue)
        self.kind = "Error"
        self.href = "\(APIPaths.errors)/\(code.rawValue)"
        self.code = "KAFKAS-MGMT-\(code.rawValue)"
        self.reason = reason
        self.operationID = operationID.isEmpty ? nil : operationID
    }
}
