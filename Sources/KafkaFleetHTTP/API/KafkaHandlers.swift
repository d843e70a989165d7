import Hummingbird
import KafkaFleetCore

/// The handlers of `/kafkas`: decode, call the kafka service, present.
struct KafkaHandlers: Sendable {
    let service: KafkaService
    let browserURL: String

    /// `POST /kafkas?async=true`: 202 with the accepted kafka. The body is decoded before `async` is checked.
    @Sendable func create(_ request: Request, context: AuthenticatedRequestContext) async throws -> Response {
        let body = try await WireJSON.decode(KafkaRequestPayloadJSON.self, from: request, context: context)
        let query = QueryString(request.uri.query)
        let kafka = try await service.create(body.payload, by: context.requester, async: query["async"] == "true")
        return try WireJSON.response(present(kafka), status: .accepted)
    }

    /// `GET /kafkas`: a page of the organisation's kafkas.
    @Sendable func list(_ request: Request, context: AuthenticatedRequestContext) async throws -> Response {
        let query = QueryString(request.uri.query)
        let parameters = KafkaListParameters(page: query["page"], size: query["size"], orderBy: query["orderBy"], search: query["search"])
        let page = try await service.list(parameters, by: context.requester)
        let items = try page.items.map(present)
        return try WireJSON.response(ListEnvelope(kind: "KafkaRequestList", page: page.page, size: page.size, total: page.total, items: items))
    }

    /// `GET /kafkas/{id}`.
    @Sendable func get(_ request: Request, context: AuthenticatedRequestContext) async throws -> Response {
        let kafka = try await service.get(id: try Self.id(context), by: context.requester)
        return try WireJSON.response(present(kafka))
    }

    /// `PATCH /kafkas/{id}`: 200 with the kafka as changed.
    @Sendable func update(_ request: Request, context: AuthenticatedRequestContext) async throws -> Response {
        let body = try await WireJSON.decode(KafkaUpdateRequestJSON.self, from: request, context: context)
        let kafka = try await service.update(id: try Self.id(context), with: body.change, by: context.requester)
        return try WireJSON.response(present(kafka))
    }

    /// `DELETE /kafkas/{id}?async=true`: 202 with an empty body, as the reference.
    @Sendable func delete(_ request: Request, context: AuthenticatedRequestContext) async throws -> Response {
        let query = QueryString(request.uri.query)
        try await service.delete(id: try Self.id(context), by: context.requester, async: query["async"] == "true")
        return WireJSON.emptyResponse(status: .accepted)
    }

    /// `POST /kafkas/{id}/promote?async=true`: 202 with an empty body, as the reference. The body is decoded first.
    @Sendable func promote(_ request: Request, context: AuthenticatedRequestContext) async throws -> Response {
        let body = try await WireJSON.decode(KafkaPromoteRequestJSON.self, from: request, context: context)
        let query = QueryString(request.uri.query)
        try await service.promote(id: try Self.id(context), with: body.payload, by: context.requester, async: query["async"] == "true")
        return WireJSON.emptyResponse(status: .accepted)
    }

    private func present(_ kafka: KafkaRequest) throws -> KafkaRequestJSON {
        try KafkaRequestJSON(kafka, instanceTypes: service.instanceTypes, browserURL: browserURL)
    }

    private static func id(_ context: AuthenticatedRequestContext) throws -> String {
        try context.parameters.require("id")
    }
}
