import Foundation

/// Polls a kafka until a condition holds or it disappears, showing each status change: on a terminal as one line
/// rewritten in place, when piped as plain lines.
struct StatusWatcher {
    let client: APIClient
    let id: String
    let timeout: Duration

    /// The last seen kafka once `done` holds; `nil` when the kafka is gone (404).
    func waitUntil(done: (KafkaView) -> Bool) async throws -> KafkaView? {
        let interactive = isatty(STDERR_FILENO) == 1
        let clock = ContinuousClock()
        let start = clock.now
        var last = ""
        defer { if interactive && !last.isEmpty { FileHandle.standardError.write(Data("\n".utf8)) } }
        while clock.now - start < timeout {
            let kafka: KafkaView
            do {
                kafka = try await client.send("GET", "/api/kafkas_mgmt/v1/kafkas/\(APIClient.segment(id))", as: KafkaView.self)
            } catch let refusal as ServerRefusal where refusal.status == 404 {
                show("gone", interactive: interactive, elapsed: clock.now - start, last: &last)
                return nil
            }
            show(kafka.status ?? "unknown", interactive: interactive, elapsed: clock.now - start, last: &last)
            if done(kafka) { return kafka }
            try await Task.sleep(for: .milliseconds(250))
        }
        throw ServerRefusal(status: 0, code: "", reason: "kafka \(id) did not finish within \(timeout)")
    }

    private func show(_ status: String, interactive: Bool, elapsed: Duration, last: inout String) {
        let seconds = String(format: "%.1f", Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
        if interactive {
            FileHandle.standardError.write(Data("\r\u{1B}[Kkafka \(id): \(status) (\(seconds)s)".utf8))
            last = status
        } else if status != last {
            FileHandle.standardError.write(Data("kafka \(id): \(status) after \(seconds)s\n".utf8))
            last = status
        }
    }
}
