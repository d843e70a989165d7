/// The schema's history. Append only.
enum Migrations {
    /// Every migration, in order.
    static let all: [Migration] = [createFleetTables, createServiceAccounts]

    /// The newest schema version this release knows.
    static var latestVersion: Int { all.last?.version ?? 0 }

    /// The table that records which migrations ran.
    static let historyTable = "kafkafleet_schema_migrations"

    /// Version 1: kafka requests, clusters, leases and status events, with the indexes the queries use.
    static let createFleetTables = Migration(version: 1, name: "create_fleet_tables") { flavour in
        let ts = flavour.timestampType
        let text = "TEXT NOT NULL DEFAULT ''"
        let flag = "BOOLEAN NOT NULL DEFAULT FALSE"
        return [
            """
            CREATE TABLE kafka_requests (
                id TEXT PRIMARY KEY,
                name TEXT NOT NULL,
                status TEXT NOT NULL,
                owner \(text), owner_account_id \(text), organisation_id \(text),
                cloud_provider \(text), region \(text), multi_az \(flag),
                instance_type \(text), size_id TEXT NOT NULL DEFAULT 'x1',
                capacity_units BIGINT NOT NULL DEFAULT 1, quota_units BIGINT NOT NULL DEFAULT 1,
                max_data_retention_size \(text), cluster_id \(text), bootstrap_server_host \(text),
                admin_api_server_url \(text), failed_reason \(text), placement_id \(text), namespace \(text),
                subscription_id \(text), quota_type \(text),
                desired_kafka_version \(text), desired_strimzi_version \(text), desired_kafka_ibp_version \(text),
                actual_kafka_version \(text), actual_strimzi_version \(text), actual_kafka_ibp_version \(text),
                kafka_upgrading \(flag), strimzi_upgrading \(flag), kafka_ibp_upgrading \(flag),
                canary_service_account_client_id \(text), canary_service_account_client_secret \(text),
                routes TEXT NULL, routes_created \(flag), bootstrap_dns_created \(flag), agent_reported_ready \(flag),
                reauthentication_enabled BOOLEAN NOT NULL DEFAULT TRUE,
                billing_cloud_account_id \(text), marketplace \(text),
                actual_kafka_billing_model \(text), desired_kafka_billing_model \(text),
                promotion_status \(text), promotion_details \(text),
                expires_at \(ts) NULL, created_at \(ts) NOT NULL, updated_at \(ts) NOT NULL,
                status_changed_at \(ts) NOT NULL, deleted_at \(ts) NULL,
                revision BIGINT NOT NULL
            )
            """,
            "CREATE INDEX idx_kafka_requests_status ON kafka_requests (status)",
            "CREATE INDEX idx_kafka_requests_organisation_id ON kafka_requests (organisation_id)",
            "CREATE INDEX idx_kafka_requests_owner ON kafka_requests (owner)",
            "CREATE INDEX idx_kafka_requests_cluster_id ON kafka_requests (cluster_id)",
            "CREATE INDEX idx_kafka_requests_deleted_at ON kafka_requests (deleted_at)",
            "CREATE INDEX idx_kafka_requests_updated_at ON kafka_requests (updated_at, id)",
            """
            CREATE UNIQUE INDEX uix_kafka_requests_organisation_name
                ON kafka_requests (organisation_id, name) WHERE deleted_at IS NULL
            """,
            """
            CREATE TABLE clusters (
                id TEXT PRIMARY KEY,
                cluster_id TEXT NOT NULL,
                external_id \(text), name \(text),
                status TEXT NOT NULL, provider_type TEXT NOT NULL, cluster_type TEXT NOT NULL DEFAULT 'managed',
                organization_id \(text), cloud_provider \(text), region \(text), multi_az \(flag),
                cluster_dns \(text), supported_instance_type TEXT NOT NULL DEFAULT 'standard,developer',
                schedulable BOOLEAN NOT NULL DEFAULT TRUE, kafka_instance_limit BIGINT NULL,
                dynamic_capacity_info TEXT NULL, available_strimzi_versions TEXT NULL,
                client_id \(text), client_secret \(text), identity_provider_id \(text),
                access_kafkas_via_private_network \(flag),
                created_at \(ts) NOT NULL, updated_at \(ts) NOT NULL, status_changed_at \(ts) NOT NULL,
                deleted_at \(ts) NULL,
                revision BIGINT NOT NULL
            )
            """,
            "CREATE UNIQUE INDEX uix_clusters_cluster_id ON clusters (cluster_id)",
            "CREATE INDEX idx_clusters_status ON clusters (status)",
            "CREATE INDEX idx_clusters_deleted_at ON clusters (deleted_at)",
            """
            CREATE TABLE leader_leases (
                lease_type TEXT PRIMARY KEY,
                leader \(text),
                expires \(ts) NOT NULL
            )
            """,
            """
            CREATE TABLE status_events (
                seq \(flavour.sequenceColumnType),
                id TEXT NOT NULL UNIQUE,
                resource_kind TEXT NOT NULL,
                resource_id TEXT NOT NULL,
                from_status \(text), to_status TEXT NOT NULL, reason \(text),
                occurred_at \(ts) NOT NULL
            )
            """,
            "CREATE INDEX idx_status_events_resource_id ON status_events (resource_id, seq)",
        ]
    }
}
