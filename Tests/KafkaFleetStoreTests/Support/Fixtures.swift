import Foundation
import KafkaFleetCore

/// A fixed instant with whole milliseconds, so values survive every engine's time precision.
let t0 = Date(timeIntervalSince1970: 1_700_000_000.125)

/// `t0` plus `seconds`.
func at(_ seconds: Double) -> Date { t0.addingTimeInterval(seconds) }

/// A kafka in `accepted` with the given identity; everything else plain.
func makeKafka(
    _ name: String, org: String = "org-a", owner: String = "alice", region: String = "us-east-1",
    cloud: String = "aws", instanceType: String = "standard", clusterID: String = "", units: Int = 1,
    created: Date = t0
) -> KafkaRequest {
    var kafka = KafkaRequest(
        id: ResourceID.make(now: created), name: name, owner: owner, organisationID: org, cloudProvider: cloud,
        region: region, instanceType: instanceType, sizeID: "x\(units)", multiAZ: instanceType == "standard",
        capacityUnits: units, quotaUnits: units, maxDataRetentionSize: "1000Gi", now: created
    )
    kafka.clusterID = clusterID
    return kafka
}

/// A cluster in `status` with the given provider id.
func makeCluster(_ clusterID: String, status: ClusterStatus = .ready, created: Date = t0) -> DataPlaneCluster {
    DataPlaneCluster(
        id: ResourceID.make(now: created), clusterID: clusterID, name: "cluster \(clusterID)", status: status,
        providerType: .standalone, cloudProvider: "aws", region: "us-east-1", multiAZ: true,
        clusterDNS: "apps.\(clusterID).example.com", now: created
    )
}

/// Rounds a time to the millisecond, the precision every backend keeps.
func milliseconds(_ date: Date) -> Date {
    Date(timeIntervalSince1970: (date.timeIntervalSince1970 * 1000).rounded() / 1000)
}

extension KafkaRequest {
    /// The value with every time rounded to the millisecond, for comparing what a store read back.
    var normalised: KafkaRequest {
        var copy = self
        copy.expiresAt = expiresAt.map(milliseconds)
        copy.createdAt = milliseconds(createdAt)
        copy.updatedAt = milliseconds(updatedAt)
        copy.statusChangedAt = milliseconds(statusChangedAt)
        copy.deletedAt = deletedAt.map(milliseconds)
        return copy
    }
}

extension DataPlaneCluster {
    /// The value with every time rounded to the millisecond.
    var normalised: DataPlaneCluster {
        var copy = self
        copy.createdAt = milliseconds(createdAt)
        copy.updatedAt = milliseconds(updatedAt)
        copy.statusChangedAt = milliseconds(statusChangedAt)
        copy.deletedAt = deletedAt.map(milliseconds)
        return copy
    }
}

extension WriteOutcome {
    /// Whether the outcome is `.conflict`.
    var isConflict: Bool {
        if case .conflict = self { return true }
        return false
    }

    /// Whether the outcome is `.refused`.
    var isRefused: Bool {
        if case .refused = self { return true }
        return false
    }
}

/// Polls `condition` until it holds or `timeout` passes; returns whether it held.
func eventually(timeout: Duration = .seconds(10), _ condition: () async throws -> Bool) async rethrows -> Bool {
    let deadline = ContinuousClock.now + timeout
    while ContinuousClock.now < deadline {
        if try await condition() { return true }
        await Task.yield()
    }
    return try await condition()
}
