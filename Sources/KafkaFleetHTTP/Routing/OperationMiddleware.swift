public import HTTPTypes
public import Hummingbird
import KafkaFleetCore
import Logging

/// The outermost middleware of every KafkaFleet router.
///
/// For a request that matches a route it assigns the operation id (a fresh xid, in `X-Operation-ID`, in error
/// bodies and in the log lines about the request) and renders every error the route throws in the catalogue's shape: a
/// `FleetError` or `APIError` as itself, an unreachable database (`StoreError.unavailable`) as 503
/// `KAFKAS-MGMT-503`, anything else as 500 `KAFKAS-MGMT-9` with nothing internal revealed.
/// A request that matches no route gets 401 without a valid token (unless its path is public), then 405
/// `KAFKAS-MGMT-10` for a known path or 404 `KAFKAS-MGMT-7`, without an operation id, as the reference.
public struct OperationMiddleware: RouterMiddleware {
    public typealias Context = FleetRequestContext

    private let routes: RouteTable
    private let authenticator: Authenticator
    private let publicTemplates: [RouteTemplate]

    /// A middleware that knows the router's routes and how to authenticate unmatched requests.
    public init(routes: RouteTable, authenticator: Authenticator, publicTemplates: [String]) {
        self.routes = routes
        self.authenticator = authenticator
        self.publicTemplates = publicTemplates.map(RouteTemplate.init)
    }

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard context.endpointPath != nil else { return try await unmatched(request, context: context) }
        var context = context
        let operationID = ResourceID.make()
        // Named in the log lines written about this request; not set on the logger, whose text handler would
        // render all of its metadata again on every request.
        context.operationID = operationID
        var response: Response
        do {
            response = try await next(request, context)
        } catch {
            response = try render(error, operationID: operationID, request: request, context: context)
        }
        response.headers[.operationID] = operationID
        return response
    }

    private func render(_ error: any Error, operationID: String, request: Request, context: Context) throws -> Response {
        var apiError: APIError
        switch error {
        case let error as APIError:
            apiError = error
        case let error as FleetError:
            apiError = APIError(error)
        case let error as StoreError where error.code == .unavailable:
            apiError = APIError(.serviceUnavailable)
        default:
            apiError = APIError(.general)
        }
        apiError.operationID = operationID
        if apiError.status == .internalServerError || apiError.status == .serviceUnavailable {
            context.logger.error("request failed", metadata: [
                "operation_id": .string(operationID), "error": .string(String(describing: error)),
            ])
        }
        return try apiError.response(from: request, context: context)
    }

    private func unmatched(_ request: Request, context: Context) async throws -> Response {
        let path = request.uri.path
        do {
            if !publicTemplates.contains(where: { $0.matches(path) }) {
                _ = try await authenticator.authenticate(request)
            }
            if routes.hasPath(path) {
                throw APIError(.notImplemented, reason: "method: \(request.method.rawValue) is not allowed or not yet implemented for \(path)")
            }
            throw APIError(.notFound, reason: "the requested resource '\(path)' doesn't exist")
        } catch let error as APIError {
            return try error.response(from: request, context: context)
        }
    }
}

extension HTTPField.Name {
    /// `X-Operation-ID`: the id of the request's operation.
    public static let operationID = Self("X-Operation-ID")!
}
