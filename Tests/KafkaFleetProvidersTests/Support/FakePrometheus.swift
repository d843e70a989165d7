import Foundation
import Hummingbird
import Synchronization

/// An in-test Prometheus query API: `/api/v1/query` answers a vector and `/api/v1/query_range` a matrix, with one
/// series per metric named in the query's `__name__=~"a|b"` matcher, labelled with that name and `topic="orders"`.
/// It records every request's parameters and authorization, and can be told to fail.
final class FakePrometheus: Sendable {
    /// One request as received.
    struct Received: Sendable {
        var path: String
        var parameters: [String: String]
        var authorization: String?
    }

    private struct State {
        var received: [Received] = []
        var failure: (HTTPResponse.Status, String)?
        var value = "84154"
    }

    private let state = Mutex(State())

    /// Every request so far, in order of arrival.
    var received: [Received] { state.withLock { $0.received } }

    /// Makes every request answer `status` with `body`.
    func fail(_ status: HTTPResponse.Status, body: String) { state.withLock { $0.failure = (status, body) } }

    /// Makes every series carry this value text (e.g. `NaN`).
    func answer(value: String) { state.withLock { $0.value = value } }

    var application: some ApplicationProtocol {
        let router = Router()
        router.get("/api/v1/query") { request, _ in self.answer(request, matrix: false) }
        router.get("/api/v1/query_range") { request, _ in self.answer(request, matrix: true) }
        return Application(router: router)
    }

    private func answer(_ request: Request, matrix: Bool) -> Response {
        var parameters: [String: String] = [:]
        for (name, value) in request.uri.queryParameters { parameters[String(name)] = String(value) }
        let received = Received(path: request.uri.path, parameters: parameters, authorization: request.headers[.authorization])
        let (failure, value) = state.withLock { state in
            state.received.append(received)
            return (state.failure, state.value)
        }
        if let (status, body) = failure { return .json(status, body) }
        let series = Self.metricNames(in: parameters["query"] ?? "").map { name in
            let labels = #"{"__name__":"\#(name)","topic":"orders"}"#
            return matrix
                ? #"{"metric":\#(labels),"values":[[1611670230,"\#(value)"],[1611670260.5,"\#(value)"]]}"#
                : #"{"metric":\#(labels),"value":[1611670230.25,"\#(value)"]}"#
        }
        let type = matrix ? "matrix" : "vector"
        return .json(.ok, #"{"status":"success","data":{"resultType":"\#(type)","result":[\#(series.joined(separator: ","))]}}"#)
    }

    /// The names in `__name__=~"a|b"`.
    private static func metricNames(in query: String) -> [String] {
        guard let start = query.range(of: "__name__=~\"") else { return [] }
        let rest = query[start.upperBound...]
        guard let end = rest.firstIndex(of: "\"") else { return [] }
        return rest[..<end].split(separator: "|").map(String.init)
    }
}
