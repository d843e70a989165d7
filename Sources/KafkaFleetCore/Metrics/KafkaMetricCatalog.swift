/// The metrics users may read about their kafkas: the reference's set (its observatorium queries), with the
/// same scopes, and the same metrics and labels federated.
public enum KafkaMetricCatalog {
    private static let broker = ["statefulset_kubernetes_io_pod_name", "strimzi_io_cluster"]
    private static let brokerTopic = ["topic"] + broker
    private static let topicOperator = ["node_ip", "pod", "strimzi_io_cluster", "strimzi_io_name"]

    /// Every metric, in a stable order.
    public static let all: [KafkaMetric] = [
        KafkaMetric(name: "kubelet_volume_stats_available_bytes", scope: .brokerVolumes,
                    federatedLabels: ["persistentvolumeclaim"], help: "Bytes still free on a broker's data volume"),
        KafkaMetric(name: "kubelet_volume_stats_used_bytes", scope: .brokerVolumes,
                    federatedLabels: ["persistentvolumeclaim"], help: "Bytes used on a broker's data volume"),
        KafkaMetric(name: "kafka_broker_quota_softlimitbytes", scope: .kafkaResource,
                    federatedLabels: broker, help: "Storage at which a broker starts throttling producers"),
        KafkaMetric(name: "kafka_broker_quota_hardlimitbytes", scope: .kafkaResource),
        KafkaMetric(name: "kafka_broker_quota_totalstorageusedbytes", scope: .kafkaResource,
                    federatedLabels: broker, help: "Storage a broker uses across its volumes"),
        KafkaMetric(name: "kafka_broker_client_quota_limit", scope: .kafkaResource),
        KafkaMetric(name: "kafka_server_brokertopicmetrics_messages_in_total", scope: .kafkaResourceUserTopics,
                    federatedLabels: brokerTopic, help: "Messages written to a topic on a broker"),
        KafkaMetric(name: "kafka_server_brokertopicmetrics_bytes_in_total", scope: .kafkaResourceUserTopics,
                    federatedLabels: brokerTopic, help: "Bytes written to a topic on a broker"),
        KafkaMetric(name: "kafka_server_brokertopicmetrics_bytes_out_total", scope: .kafkaResourceUserTopics,
                    federatedLabels: brokerTopic, help: "Bytes read from a topic on a broker"),
        KafkaMetric(name: "kafka_controller_kafkacontroller_offline_partitions_count", scope: .kafkaResource,
                    federatedLabels: broker, help: "Partitions without an active leader"),
        KafkaMetric(name: "kafka_controller_kafkacontroller_global_partition_count", scope: .kafkaResource,
                    federatedLabels: broker, help: "Partitions in the cluster"),
        KafkaMetric(name: "kafka_topic:kafka_log_log_size:sum", scope: .userTopics,
                    federatedLabels: ["topic"], help: "Bytes stored for a topic"),
        KafkaMetric(name: "kafka_namespace:haproxy_server_bytes_in_total:rate5m", scope: .ingress,
                    federatedLabels: [], help: "Bytes per second entering the kafka through its routes"),
        KafkaMetric(name: "kafka_namespace:haproxy_server_bytes_out_total:rate5m", scope: .ingress,
                    federatedLabels: [], help: "Bytes per second leaving the kafka through its routes"),
        KafkaMetric(name: "kafka_topic:kafka_topic_partitions:sum", scope: .namespace,
                    federatedLabels: topicOperator, help: "Partitions of the kafka's topics"),
        KafkaMetric(name: "kafka_topic:kafka_topic_partitions:count", scope: .namespace,
                    federatedLabels: topicOperator, help: "Topics of the kafka"),
        KafkaMetric(name: "consumergroup:kafka_consumergroup_members:count", scope: .namespace,
                    federatedLabels: topicOperator, help: "Members of the kafka's consumer groups"),
        KafkaMetric(name: "kafka_namespace:kafka_server_socket_server_metrics_connection_count:sum", scope: .namespace,
                    federatedLabels: broker, help: "Open client connections"),
        KafkaMetric(name: "kafka_namespace:kafka_server_socket_server_metrics_connection_creation_rate:sum", scope: .namespace,
                    federatedLabels: broker, help: "Client connections opened per second"),
        KafkaMetric(name: "kafka_topic:kafka_server_brokertopicmetrics_messages_in_total:rate5m", scope: .namespace),
        KafkaMetric(name: "kafka_topic:kafka_server_brokertopicmetrics_bytes_in_total:rate5m", scope: .namespace),
        KafkaMetric(name: "kafka_topic:kafka_server_brokertopicmetrics_bytes_out_total:rate5m", scope: .namespace),
        KafkaMetric(name: "kafka_instance_spec_brokers_desired_count", scope: .namespace),
        KafkaMetric(name: "kafka_instance_max_message_size_limit", scope: .namespace),
        KafkaMetric(name: "kafka_instance_partition_limit", scope: .namespace),
        KafkaMetric(name: "kafka_instance_connection_limit", scope: .namespace),
        KafkaMetric(name: "kafka_instance_connection_creation_rate_limit", scope: .namespace),
    ]

    /// The metrics a `filters` list asks for: all without a list, else those named in it (unknown names are ignored).
    public static func selected(by filters: [String]?) -> [KafkaMetric] {
        guard let filters else { return all }
        let names = Set(filters)
        return all.filter { names.contains($0.name) }
    }

    /// The metric of a name, if it is in the catalog.
    public static func metric(named name: String) -> KafkaMetric? {
        all.first { $0.name == name }
    }
}
