/// What the control plane reports about its own work: worker passes, leadership, kafka creations and deletions,
/// and how many kafkas are in each status.
///
/// Core emits these through an observer rather than through a metrics library's global calls, so that the
/// library stays free of a metrics backend, an embedding program chooses where the figures go (or drops them with
/// ``NoFleetObserver``), and tests can assert what was reported. The daemon's implementation turns each report into
/// the reference's Prometheus series.
public protocol FleetObserver: Sendable {
    /// A pass of `workerType` ended after `duration`; `errors` is the number of errors it met (0: it succeeded).
    func workerPassEnded(workerType: String, duration: Duration, errors: Int)

    /// Whether this replica leads `workerType` now. Reported after every lease round, not only on a change, so the
    /// figure stays true when a lease runs out between rounds.
    func leadership(of workerType: String, isLeader: Bool)

    /// A kafka became ready, `took` after it was requested.
    func kafkaCreated(took: Duration)

    /// A kafka failed before it became ready.
    func kafkaCreationFailed()

    /// A kafka was deleted for good.
    func kafkaDeleted()

    /// How many kafkas are in each status now (statuses with none are absent).
    func kafkaStatusCounts(_ counts: [KafkaStatus: Int])
}
