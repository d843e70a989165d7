import Testing

/// Waits until `condition` holds, checking every few milliseconds, failing after `deadline`. For integration tests
/// whose progress comes from real I/O; the worker-runtime tests use a `ManualClock` and `EventCount` instead.
func eventually(within deadline: Duration = .seconds(10), _ what: String = "", sourceLocation: SourceLocation = #_sourceLocation,
                _ condition: () async throws -> Bool) async rethrows {
    let clock = ContinuousClock()
    let end = clock.now + deadline
    while clock.now < end {
        if try await condition() { return }
        await Task.yield()
        try? await clock.sleep(for: .milliseconds(5))
    }
    Issue.record("condition not met within \(deadline): \(what)", sourceLocation: sourceLocation)
}
