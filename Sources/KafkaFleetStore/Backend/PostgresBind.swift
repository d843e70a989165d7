import Foundation
import KafkaFleetCore
import PostgresKit

/// SQLKit's bound values as PostgresNIO bindings, for the statements `StoreDatabase` runs on the driver
/// directly. The store binds only these types in the statements it reads with; anything else is a bug
/// reported as `StoreError(.unavailable)` rather than a guess at an encoding. `nil` is NULL.
enum PostgresBind {
    static func append(_ value: (any Encodable & Sendable)?, to bindings: inout PostgresBindings) throws {
        guard let value else { return bindings.appendNull() }
        switch value {
        case let text as String: bindings.append(text)
        case let number as Int: bindings.append(number)
        case let flag as Bool: bindings.append(flag)
        case let date as Date: bindings.append(date)
        case let number as Double: bindings.append(number)
        default: throw StoreError(.unavailable, "cannot bind a value of type \(type(of: value))")
        }
    }
}
