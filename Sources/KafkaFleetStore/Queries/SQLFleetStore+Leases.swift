public import Foundation
public import KafkaFleetCore
import SQLKit

extension SQLFleetStore {
    /// One statement decides: insert the lease if absent, otherwise take it over only if it is free,
    /// expired or already ours. The database applies it to the row atomically, so two callers never both win.
    public func acquireLease(_ leaseType: String, holder: String, now: Date, duration: Duration) async throws -> Bool {
        let expires = now.addingTimeInterval(duration.timeInterval)
        return try await writing { db in
            try await db.raw("""
                INSERT INTO leader_leases (lease_type, leader, expires) VALUES (\(bind: leaseType), \(bind: holder), \(bind: expires))
                ON CONFLICT (lease_type) DO UPDATE SET leader = excluded.leader, expires = excluded.expires
                WHERE leader_leases.leader = '' OR leader_leases.expires <= \(bind: now) OR leader_leases.leader = \(bind: holder)
                RETURNING leader
                """).all().isEmpty == false
        }
    }

    /// Clears the leader only where `holder` holds it; the expiry stays.
    public func releaseLease(_ leaseType: String, holder: String) async throws {
        try await writing { db in
            try await db.update("leader_leases")
                .set("leader", to: "")
                .where("lease_type", .equal, leaseType)
                .where("leader", .equal, holder)
                .run()
        }
    }

    /// Reads the lease row, if it was ever taken.
    public func lease(_ leaseType: String) async throws -> LeaderLease? {
        try await reading { db in
            guard let row = try await db.select().columns("lease_type", "leader", "expires").from("leader_leases")
                .where("lease_type", .equal, leaseType).first()
            else { return nil }
            let r = RowReader(sql: row)
            return LeaderLease(leaseType: try r.string("lease_type"), leader: try r.string("leader"), expires: try r.date("expires"))
        }
    }
}
