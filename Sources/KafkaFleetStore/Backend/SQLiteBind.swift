import Foundation
import KafkaFleetCore
import SQLiteKit

/// SQLKit's bound values as SQLiteNIO data, for the statements `StoreDatabase` runs on the driver directly,
/// in the representation SQLiteKit itself would choose (dates as seconds since 1970, booleans as 0 or 1), so
/// rows read the same whichever path wrote them. Only the store's own bind types occur; anything else is a bug
/// reported as `StoreError(.unavailable)`. `nil` is NULL.
enum SQLiteBind {
    static func data(for value: (any Encodable & Sendable)?) throws -> SQLiteData {
        guard let value else { return .null }
        switch value {
        case let text as String: return .text(text)
        case let number as Int: return .integer(number)
        case let flag as Bool: return .integer(flag ? 1 : 0)
        case let date as Date: return .float(date.timeIntervalSince1970)
        case let number as Double: return .float(number)
        default: throw StoreError(.unavailable, "cannot bind a value of type \(type(of: value))")
        }
    }
}
