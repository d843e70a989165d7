import AsyncHTTPClient
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A `moto_server` (the moto project's emulator of AWS APIs, Route53 included) started by a test on a
/// free loopback port and killed when the test ends.
///
/// The executable is, in order: `$KAFKAFLEET_MOTO_SERVER`; `moto_server` on `$PATH`; `.venv/bin/moto_server`
/// in the package's root (`python3 -m venv .venv && .venv/bin/pip install 'moto[server]'`). When none
/// exists the tests that need it are skipped with that message, unless `KAFKAFLEET_REQUIRE_MOTO=1`
/// (as CI sets), which makes them run and fail.
struct MotoServer {
    /// The message shown for a skipped test.
    static let missingMessage: Comment = """
        moto_server not found (set KAFKAFLEET_MOTO_SERVER, put it on PATH or install it in .venv); \
        set KAFKAFLEET_REQUIRE_MOTO=1 to fail instead of skipping
        """

    /// The executable, if one is found.
    static let executable: String? = {
        let environment = ProcessInfo.processInfo.environment
        let fileManager = FileManager.default
        if let configured = environment["KAFKAFLEET_MOTO_SERVER"], !configured.isEmpty {
            return configured
        }
        for directory in (environment["PATH"] ?? "").split(separator: ":") {
            let candidate = "\(directory)/moto_server"
            if fileManager.isExecutableFile(atPath: candidate) { return candidate }
        }
        var directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while directory.path != "/" {
            if fileManager.fileExists(atPath: directory.appendingPathComponent("Package.swift").path) {
                let candidate = directory.appendingPathComponent(".venv/bin/moto_server").path
                return fileManager.isExecutableFile(atPath: candidate) ? candidate : nil
            }
            directory.deleteLastPathComponent()
        }
        return nil
    }()

    /// Whether tests needing moto run: it was found, or CI requires it (and a missing one then fails).
    static var testsRun: Bool {
        executable != nil || ProcessInfo.processInfo.environment["KAFKAFLEET_REQUIRE_MOTO"] == "1"
    }

    /// Starts a server, waits until it answers (at most 60 s), runs `body` with its base URL, and kills it.
    static func with<T>(
        sourceLocation: SourceLocation = #_sourceLocation, _ body: (String) async throws -> T
    ) async throws -> T {
        let executable = try #require(
            executable, "moto_server is required (KAFKAFLEET_REQUIRE_MOTO=1) but was not found", sourceLocation: sourceLocation)
        let port = try freeLoopbackPort()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["-H", "127.0.0.1", "-p", String(port)]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let endpoint = "http://127.0.0.1:\(port)"
        let outcome: Result<T, any Error>
        do {
            try await waitUntilReady(endpoint, process: process)
            outcome = .success(try await body(endpoint))
        } catch {
            outcome = .failure(error)
        }
        try await kill(process)
        return try outcome.get()
    }

    /// Kills the server and waits (at most 10 s) until it is gone. SIGKILL, because a child of Foundation's
    /// `Process` on Linux starts with most signals, SIGTERM included, blocked.
    private static func kill(_ process: Process) async throws {
        #if canImport(Glibc)
        _ = Glibc.kill(process.processIdentifier, SIGKILL)
        #else
        _ = Darwin.kill(process.processIdentifier, SIGKILL)
        #endif
        let deadline = ContinuousClock.now + .seconds(10)
        while process.isRunning, ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(20))
        }
        if process.isRunning { throw StartFailure(reason: "moto_server \(process.processIdentifier) survived SIGKILL") }
    }

    /// Polls the server's dashboard API until it answers or the deadline passes.
    private static func waitUntilReady(_ endpoint: String, process: Process) async throws {
        let deadline = ContinuousClock.now + .seconds(60)
        while ContinuousClock.now < deadline {
            guard process.isRunning else { throw StartFailure(reason: "moto_server exited early") }
            let request = HTTPClientRequest(url: "\(endpoint)/moto-api/data.json")
            if let response = try? await HTTPClient.shared.execute(request, timeout: .seconds(2)), response.status == .ok {
                return
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw StartFailure(reason: "moto_server did not answer within 60 s")
    }

    /// Why a server could not be used.
    struct StartFailure: Error, CustomStringConvertible {
        var reason: String
        var description: String { reason }
    }

    /// A TCP port on 127.0.0.1 that was free a moment ago (bound to port 0, read back, closed).
    private static func freeLoopbackPort() throws -> Int {
        #if canImport(Glibc)
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let fd = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        try #require(fd >= 0, "socket() failed")
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { generic in
                bind(fd, generic, length) == 0 && getsockname(fd, generic, &length) == 0
            }
        }
        try #require(bound, "bind() or getsockname() failed")
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
