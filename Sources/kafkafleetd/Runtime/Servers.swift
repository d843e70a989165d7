import Logging
import Hummingbird
import Prometheus

/// The Prometheus metrics server: `GET /metrics` in the text exposition format, on its own port.
enum MetricsServer {
    static func application(registry: PrometheusCollectorRegistry, bind: BindAddress) -> some ApplicationProtocol {
        let router = Router()
        router.get("metrics") { _, _ -> Response in
            var buffer: [UInt8] = []
            buffer.reserveCapacity(16_384)
            registry.emit(into: &buffer)
            return Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4"],
                            body: ResponseBody(byteBuffer: ByteBuffer(bytes: buffer)))
        }
        return Application(router: router, configuration: .init(address: .hostname(bind.host, port: bind.port), serverName: "kafkafleetd-metrics"),
                           logger: Logger(label: "kafkafleet.metrics"))
    }
}

/// The health server. `GET /healthcheck` (liveness, as the reference's) answers 200 once the store is migrated and
/// the API listens, 503 before. `GET /readiness` answers 200 while this replica can do its work and 503 with the
/// reasons otherwise (the database does not answer, a worker it leads has stopped completing passes); see
/// `ReadinessCheck`.
enum HealthServer {
    static func application(readiness: Readiness, check: ReadinessCheck, bind: BindAddress) -> some ApplicationProtocol {
        let router = Router()
        router.get("healthcheck") { _, _ -> Response in
            readiness.isReady
                ? Response(status: .ok, body: ResponseBody(byteBuffer: ByteBuffer(string: "{\"status\":\"ok\"}\n")))
                : Response(status: .serviceUnavailable, body: ResponseBody(byteBuffer: ByteBuffer(string: "{\"status\":\"starting\"}\n")))
        }
        router.get("readiness") { _, _ -> Response in
            let verdict = await check.check()
            return Response(status: verdict.isReady ? .ok : .serviceUnavailable, headers: [.contentType: "application/json"],
                            body: ResponseBody(byteBuffer: ByteBuffer(string: verdict.json)))
        }
        return Application(router: router, configuration: .init(address: .hostname(bind.host, port: bind.port), serverName: "kafkafleetd-health"),
                           logger: Logger(label: "kafkafleet.health"))
    }
}
