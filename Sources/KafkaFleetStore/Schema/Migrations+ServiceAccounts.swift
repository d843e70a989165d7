extension Migrations {
    /// Version 2: the embedded default's service accounts. Only the SHA-256 of a secret is stored; a client id is
    /// unique across organisations, as in Keycloak.
    static let createServiceAccounts = Migration(version: 2, name: "create_service_accounts") { flavour in
        [
            """
            CREATE TABLE service_accounts (
                id TEXT PRIMARY KEY,
                client_id TEXT NOT NULL,
                name TEXT NOT NULL,
                description TEXT NOT NULL DEFAULT '',
                organisation_id TEXT NOT NULL,
                owner TEXT NOT NULL DEFAULT '',
                owner_account_id TEXT NOT NULL DEFAULT '',
                secret_sha256 TEXT NOT NULL,
                created_at \(flavour.timestampType) NOT NULL
            )
            """,
            "CREATE UNIQUE INDEX uix_service_accounts_client_id ON service_accounts (client_id)",
            "CREATE INDEX idx_service_accounts_organisation_id ON service_accounts (organisation_id, created_at, id)",
        ]
    }
}
