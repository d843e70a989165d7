public import KafkaFleetCore
import SQLKit

extension SQLFleetStore: ServiceAccountStore {
    /// `INSERT … ON CONFLICT DO NOTHING RETURNING id`: the primary key and the unique client id decide atomically.
    public func insertServiceAccount(_ account: StoredServiceAccount) async throws -> Bool {
        let values = ServiceAccountRow.values(of: account)
        return try await writing { db in
            try await db.insert(into: ServiceAccountRow.table).columns(ServiceAccountRow.columns).values(values)
                .ignoringConflicts().returning("id").all().isEmpty == false
        }
    }

    public func serviceAccount(id: String) async throws -> StoredServiceAccount? {
        try await firstServiceAccount(where: "id", is: id)
    }

    public func serviceAccount(clientID: String) async throws -> StoredServiceAccount? {
        try await firstServiceAccount(where: "client_id", is: clientID)
    }

    /// Oldest first (`created_at`, then `id`), as the index orders them.
    public func serviceAccounts(organisationID: String) async throws -> [StoredServiceAccount] {
        try await reading { db in
            try await Self.selectServiceAccounts(db).where("organisation_id", .equal, organisationID)
                .orderBy("created_at").orderBy("id").readers()
                .map { row throws(StoreError) in try ServiceAccountRow.decode(row) }
        }
    }

    public func replaceServiceAccountSecret(id: String, secretSHA256: String) async throws -> Bool {
        try await writing { db in
            try await db.update(ServiceAccountRow.table).set("secret_sha256", to: secretSHA256).where("id", .equal, id)
                .returning("id").all().isEmpty == false
        }
    }

    public func deleteServiceAccount(id: String) async throws -> Bool {
        try await writing { db in
            try await db.delete(from: ServiceAccountRow.table).where("id", .equal, id).returning("id").all().isEmpty == false
        }
    }

    private func firstServiceAccount(where column: String, is value: String) async throws(StoreError) -> StoredServiceAccount? {
        try await reading { db in
            try await Self.selectServiceAccounts(db).where(SQLIdentifier(column), .equal, SQLBind(value)).limit(1).readers().first
                .map { row throws(StoreError) in try ServiceAccountRow.decode(row) }
        }
    }

    private static func selectServiceAccounts(_ db: any SQLDatabase) -> SQLSelectBuilder {
        db.select().columns(ServiceAccountRow.columns.map { SQLIdentifier($0) }).from(ServiceAccountRow.table)
    }
}
