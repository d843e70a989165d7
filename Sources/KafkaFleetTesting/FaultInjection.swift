import KafkaFleetCore
import Synchronization

/// A random number generator that yields the same sequence for the same seed (SplitMix64), so that a
/// test injecting failures at a rate fails the same calls on every run.
public struct SeededRandomNumberGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// A generator starting from `seed`.
    public init(seed: UInt64) {
        state = seed
    }

    /// The next value of the sequence.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Decides which calls of a fake provider fail, and with what. Shared by the fake providers; a test
/// changes it at any time, from any task.
///
/// A call fails when the provider is down (`isDown`), when a failure is queued (`failNext`), or with
/// probability `failureRate` (drawn from a seeded generator, so the same calls fail on every run).
/// The error thrown is `error` (by default a retryable `ProviderError`). With `timing` `.afterEffect`
/// the call's change is made before the error is thrown, like a request whose answer was lost.
public final class FaultInjection: Sendable {
    /// When an injected failure happens relative to the call's effect.
    public enum Timing: Sendable, Hashable {
        /// Nothing changes; the call fails as if the provider was never reached.
        case beforeEffect
        /// The change is made, then the call fails, as if the answer was lost on the way back.
        case afterEffect
    }

    private struct State {
        var random: SeededRandomNumberGenerator
        var failureRate: Double = 0
        var isDown = false
        var queued = 0
        var error: any Error
        var timing: Timing = .beforeEffect
        var injected = 0
    }

    private let state: Mutex<State>

    /// No failures yet; `seed` fixes which calls a failure rate hits; `provider` names the provider in the
    /// default error.
    public init(seed: UInt64 = 42, provider: String) {
        state = Mutex(State(
            random: SeededRandomNumberGenerator(seed: seed),
            error: ProviderError(.unavailable, provider: provider, "injected failure")))
    }

    /// The probability (0...1) that a call fails; 0 by default.
    public var failureRate: Double {
        get { state.withLock { $0.failureRate } }
        set { state.withLock { $0.failureRate = min(1, max(0, newValue)) } }
    }

    /// Whether every call fails until this is set back to `false`.
    public var isDown: Bool {
        get { state.withLock { $0.isDown } }
        set { state.withLock { $0.isDown = newValue } }
    }

    /// The error injected failures throw; a retryable `ProviderError` by default. Set a `.rejected`
    /// `ProviderError` (or any error) to test permanent failures.
    public var error: any Error {
        get { state.withLock { $0.error } }
        set { state.withLock { $0.error = newValue } }
    }

    /// Whether injected failures happen before or after the call's effect; `.beforeEffect` by default.
    public var timing: Timing {
        get { state.withLock { $0.timing } }
        set { state.withLock { $0.timing = newValue } }
    }

    /// How many failures were injected so far.
    public var injectedFailures: Int { state.withLock { $0.injected } }

    /// Makes the next `count` calls fail (in addition to the rate and `isDown`).
    public func failNext(_ count: Int = 1) {
        state.withLock { $0.queued += max(0, count) }
    }

    /// Decides the fate of one call: the error to throw and when, or `nil` for success. The fakes call it
    /// once per operation; a hand-written fake can do the same.
    public func draw() -> (error: any Error, timing: Timing)? {
        state.withLock { state in
            var fails = state.isDown
            if !fails, state.queued > 0 {
                state.queued -= 1
                fails = true
            }
            if !fails, state.failureRate > 0 {
                fails = Double.random(in: 0..<1, using: &state.random) < state.failureRate
            }
            guard fails else { return nil }
            state.injected += 1
            return (state.error, state.timing)
        }
    }
}
