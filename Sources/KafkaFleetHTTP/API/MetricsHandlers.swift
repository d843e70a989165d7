import HTTPTypes
import Hummingbird
import KafkaFleetCore

/// The handlers of `/kafkas/{id}/metrics/…`: read the query, call the metrics service, present.
struct MetricsHandlers: Sendable {
    let service: KafkaMetricsService

    /// `GET /kafkas/{id}/metrics/query[?filters=…]`: the latest values.
    @Sendable func instant(_ request: Request, context: AuthenticatedRequestContext) async throws -> Response {
        let id = try Self.id(context)
        let query = QueryString(request.uri.query)
        let samples = try await service.instant(id: id, filters: query.all("filters"), by: context.requester)
        return try WireJSON.response(MetricsInstantQueryListJSON(id: id, samples: samples))
    }

    /// `GET /kafkas/{id}/metrics/query_range?duration=<minutes>&interval=<seconds>[&filters=…]`: values over time.
    @Sendable func range(_ request: Request, context: AuthenticatedRequestContext) async throws -> Response {
        let id = try Self.id(context)
        let query = QueryString(request.uri.query)
        let series = try await service.range(id: id, duration: query["duration"], interval: query["interval"],
                                             filters: query.all("filters"), by: context.requester)
        return try WireJSON.response(MetricsRangeQueryListJSON(id: id, series: series))
    }

    /// `GET /kafkas/{id}/metrics/federate`: the federated metrics in Prometheus text exposition.
    @Sendable func federate(_ request: Request, context: AuthenticatedRequestContext) async throws -> Response {
        let text = try await service.federation(id: try Self.id(context), by: context.requester)
        let headers: HTTPFields = [.contentType: "text/plain; version=0.0.4; charset=utf-8", .vary: "Authorization"]
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }

    private static func id(_ context: AuthenticatedRequestContext) throws -> String {
        try context.parameters.require("id")
    }
}
