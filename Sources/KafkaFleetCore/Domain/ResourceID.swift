public import Foundation
import Synchronization

/// Identifiers in the reference's format: 20 lowercase base32hex characters encoding 12 bytes
/// (4-byte Unix seconds, 3-byte machine id, 2-byte process id, 3-byte counter).
///
/// Because the timestamp leads, string order is creation-second order, which keeps ids
/// k-sortable for the store's indexes and for clients that sort by id.
public enum ResourceID {
    private static let alphabet = Array("0123456789abcdefghijklmnopqrstuv".utf8)
    private static let machine: (UInt8, UInt8, UInt8) = {
        var generator = SystemRandomNumberGenerator()
        let value = generator.next() as UInt32
        return (UInt8(truncatingIfNeeded: value >> 16), UInt8(truncatingIfNeeded: value >> 8), UInt8(truncatingIfNeeded: value))
    }()
    private static let process = UInt16(truncatingIfNeeded: ProcessInfo.processInfo.processIdentifier)
    private static let counter = Mutex<UInt32>(UInt32.random(in: 0..<0xFF_FFFF))

    /// A new identifier stamped with `now`.
    public static func make(now: Date = Date()) -> String {
        let seconds = UInt32(clamping: Int64(now.timeIntervalSince1970))
        let count = counter.withLock { value -> UInt32 in
            value = (value &+ 1) & 0xFF_FFFF
            return value
        }
        let bytes: [UInt8] = [
            UInt8(truncatingIfNeeded: seconds >> 24), UInt8(truncatingIfNeeded: seconds >> 16),
            UInt8(truncatingIfNeeded: seconds >> 8), UInt8(truncatingIfNeeded: seconds),
            machine.0, machine.1, machine.2,
            UInt8(truncatingIfNeeded: process >> 8), UInt8(truncatingIfNeeded: process),
            UInt8(truncatingIfNeeded: count >> 16), UInt8(truncatingIfNeeded: count >> 8), UInt8(truncatingIfNeeded: count),
        ]
        return encode(bytes)
    }

    /// Whether `text` has the shape of an identifier (20 characters of `0-9a-v`).
    public static func isValid(_ text: String) -> Bool {
        text.utf8.count == 20 && text.utf8.allSatisfy { alphabet.contains($0) }
    }

    private static func encode(_ bytes: [UInt8]) -> String {
        var output = [UInt8](repeating: 0, count: 20)
        var bitBuffer: UInt64 = 0
        var bitCount = 0
        var index = 0
        for byte in bytes {
            bitBuffer = (bitBuffer << 8) | UInt64(byte)
            bitCount += 8
            while bitCount >= 5 {
                bitCount -= 5
                output[index] = alphabet[Int((bitBuffer >> UInt64(bitCount)) & 0x1F)]
                index += 1
            }
        }
        if bitCount > 0 {
            output[index] = alphabet[Int((bitBuffer << UInt64(5 - bitCount)) & 0x1F)]
        }
        return String(decoding: output, as: UTF8.self)
    }
}
