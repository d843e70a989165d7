public import Hummingbird
import Metrics

/// Counts requests and records their latency per method, route template and status code, under the reference's
/// names: `api_inbound_request_count` and `api_inbound_request_duration` (seconds). Route templates keep ids out
/// of the labels.
public struct RequestMetricsMiddleware: RouterMiddleware {
    public typealias Context = FleetRequestContext

    /// A middleware recording into the bootstrapped metrics system.
    public init() {}

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        do {
            let response = try await next(request, context)
            record(request, context: context, code: Int(response.status.code), since: start)
            return response
        } catch let error as any HTTPResponseError {
            record(request, context: context, code: Int(error.status.code), since: start)
            throw error
        } catch {
            record(request, context: context, code: 500, since: start)
            throw error
        }
    }

    private func record(_ request: Request, context: Context, code: Int, since start: ContinuousClock.Instant) {
        let dimensions = [("method", request.method.rawValue), ("path", context.endpointPath ?? "unmatched"), ("code", String(code))]
        Counter(label: "api_inbound_request_count", dimensions: dimensions).increment()
        let elapsed = ContinuousClock.now - start
        Timer(label: "api_inbound_request_duration", dimensions: dimensions)
            .recordNanoseconds(elapsed.components.seconds * 1_000_000_000 + elapsed.components.attoseconds / 1_000_000_000)
    }
}
