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

/// The health server: `GET /healthcheck` answers 200 once the store is migrated and the API listens, 503 before.
enum HealthServer {
    static func application(readiness: Readiness, bind: BindAddress) -> some ApplicationProtocol {
        let router = Router()
        router.get("healthcheck") { _, _ -> Response in
            readiness.isReady
                ? Response(status: .ok, body: ResponseBody(byteBuffer: ByteBuffer(string: "{\"status\":\"ok\"}\n")))
                : Response(status: .serviceUnavailable, body: ResponseBody(byteBuffer: ByteBuffer(string: "{\"status\":\"starting\"}\n")))
        }
        return Application(router: router, configuration: .init(address: .hostname(bind.host, port: bind.port), serverName: "kafkafleetd-health"),
                           logger: Logger(label: "kafkafleet.health"))
    }
}
