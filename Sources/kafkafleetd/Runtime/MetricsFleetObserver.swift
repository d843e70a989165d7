import KafkaFleetCore
import Metrics

/// The daemon's observer: each report becomes the reference's series, through swift-metrics (bootstrapped with
/// the Prometheus registry that `/metrics` serves).
struct MetricsFleetObserver: FleetObserver {
    func workerPassEnded(workerType: String, duration: Duration, errors: Int) {
        let dimensions = [("worker_type", workerType)]
        Gauge(label: "kas_fleet_manager_reconciler_duration_in_seconds", dimensions: dimensions).record(duration.timeInterval)
        if errors == 0 {
            Counter(label: "kas_fleet_manager_reconciler_success_count", dimensions: dimensions).increment()
        } else {
            Counter(label: "kas_fleet_manager_reconciler_failure_count", dimensions: dimensions).increment()
            Counter(label: "kas_fleet_manager_reconciler_errors_count", dimensions: dimensions).increment(by: errors)
        }
    }

    func leadership(of workerType: String, isLeader: Bool) {
        Gauge(label: "kas_fleet_manager_leader_worker", dimensions: [("worker_type", workerType)]).record(isLeader ? 1 : 0)
    }

    func kafkaCreated(took: Duration) {
        Self.countCreation(succeeded: true)
        // Clamped so the conversion to nanoseconds cannot overflow (about 285 years at most).
        let nanoseconds = Int64(min(max(0, took.timeInterval), 9e9) * 1e9)
        Timer(label: "kas_fleet_manager_worker_kafka_duration", dimensions: [("jobType", "kafka_create")]).recordNanoseconds(nanoseconds)
    }

    func kafkaCreationFailed() {
        Self.countCreation(succeeded: false)
    }

    func kafkaDeleted() {
        Counter(label: "kas_fleet_manager_kafka_operations_total_count", dimensions: [("operation", "delete")]).increment()
        Counter(label: "kas_fleet_manager_kafka_operations_success_count", dimensions: [("operation", "delete")]).increment()
    }

    func kafkaStatusCounts(_ counts: [KafkaStatus: Int]) {
        for status in KafkaStatus.allCases {
            Gauge(label: "kas_fleet_manager_kafka_requests_status_count", dimensions: [("status", status.rawValue)]).record(counts[status] ?? 0)
        }
    }

    private static func countCreation(succeeded: Bool) {
        Counter(label: "kas_fleet_manager_kafka_operations_total_count", dimensions: [("operation", "create")]).increment()
        if succeeded {
            Counter(label: "kas_fleet_manager_kafka_operations_success_count", dimensions: [("operation", "create")]).increment()
        }
    }
}
