import Foundation
import Metrics

/// The reference's operation metrics: how many kafka creations and deletions finished (and how many succeeded),
/// and how long a creation took from request to ready.
enum OperationMetrics {
    /// A kafka became ready: a successful creation that took from `created` to `now`.
    static func kafkaReady(_ kafka: KafkaRequest, now: Date) {
        Counter(label: "kas_fleet_manager_kafka_operations_total_count", dimensions: [("operation", "create")]).increment()
        Counter(label: "kas_fleet_manager_kafka_operations_success_count", dimensions: [("operation", "create")]).increment()
        let nanoseconds = Int64(max(0, now.timeIntervalSince(kafka.createdAt)) * 1e9)
        Timer(label: "kas_fleet_manager_worker_kafka_duration", dimensions: [("jobType", "kafka_create")]).recordNanoseconds(nanoseconds)
    }

    /// A kafka failed before it was ready: a failed creation.
    static func kafkaFailed() {
        Counter(label: "kas_fleet_manager_kafka_operations_total_count", dimensions: [("operation", "create")]).increment()
    }

    /// A kafka was deleted for good.
    static func kafkaDeleted() {
        Counter(label: "kas_fleet_manager_kafka_operations_total_count", dimensions: [("operation", "delete")]).increment()
        Counter(label: "kas_fleet_manager_kafka_operations_success_count", dimensions: [("operation", "delete")]).increment()
    }
}
