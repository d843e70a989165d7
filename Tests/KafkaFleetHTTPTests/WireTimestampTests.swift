import Foundation
@testable import KafkaFleetHTTP
import Testing

/// Times on the wire as Go's `time.Time` writes them: RFC 3339 in UTC, microseconds without trailing zeros.
@Suite("Wire timestamps")
struct WireTimestampTests {
    @Test("known instants", arguments: [
        (0.0, "1970-01-01T00:00:00Z"),
        (1_680_343_200.123456, "2023-04-01T10:00:00.123456Z"),
        (1_680_343_200.1234, "2023-04-01T10:00:00.1234Z"),
        (1_680_343_200.5, "2023-04-01T10:00:00.5Z"),
        (1_709_208_000, "2024-02-29T12:00:00Z"),
        (-1.25, "1969-12-31T23:59:58.75Z"),
        (-62_135_596_800, "0001-01-01T00:00:00Z"),
        (253_402_300_799, "9999-12-31T23:59:59Z"),
    ])
    func known(seconds: Double, text: String) {
        #expect(WireJSON.timestamp(Date(timeIntervalSince1970: seconds)) == text)
    }

    @Test("whole seconds agree with Foundation's ISO 8601 formatter across four centuries")
    func agreesWithFoundation() {
        var generator = SystemRandomNumberGenerator()
        let style = Date.ISO8601FormatStyle(timeZone: .gmt)
        for _ in 0..<2000 {
            let date = Date(timeIntervalSince1970: Double(Int.random(in: -6_000_000_000...7_000_000_000, using: &generator)))
            #expect(WireJSON.timestamp(date) == date.formatted(style))
        }
    }
}
