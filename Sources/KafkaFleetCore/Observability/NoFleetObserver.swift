/// An observer that drops every report: the default for programs that embed the reconcilers and keep no metrics.
public struct NoFleetObserver: FleetObserver {
    /// An observer that drops every report.
    public init() {}

    public func workerPassEnded(workerType: String, duration: Duration, errors: Int) {}
    public func leadership(of workerType: String, isLeader: Bool) {}
    public func kafkaCreated(took: Duration) {}
    public func kafkaCreationFailed() {}
    public func kafkaDeleted() {}
    public func kafkaStatusCounts(_ counts: [KafkaStatus: Int]) {}
}
