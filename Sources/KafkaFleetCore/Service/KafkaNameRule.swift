/// The rules a kafka name must follow, checked in the reference's order: length (34), presence (33), format (32).
public enum KafkaNameRule {
    /// The longest name, in bytes.
    public static let maximumLength = 32
    /// The format, as the reference words it in its error.
    public static let pattern = "^[a-z]([-a-z0-9]*[a-z0-9])?$"

    /// Returns the name when it is valid; throws the refusal otherwise.
    public static func validate(_ name: String?) throws(FleetError) -> String {
        let name = name ?? ""
        if name.utf8.count > maximumLength {
            throw FleetError(.maximumFieldLength, "name is not valid, maximum length \(maximumLength) is required")
        }
        if name.isEmpty {
            throw FleetError(.minimumFieldLength, "name is not valid, minimum length 1 is required")
        }
        if !matchesPattern(name) {
            throw FleetError(.malformedKafkaClusterName, "name does not match \(pattern)")
        }
        return name
    }

    /// Whether `name` is a lowercase letter, then lowercase letters, digits and dashes, not ending with a dash.
    static func matchesPattern(_ name: String) -> Bool {
        let bytes = Array(name.utf8)
        guard let first = bytes.first, let last = bytes.last, isLower(first), last != UInt8(ascii: "-") else { return false }
        return bytes.allSatisfy { isLower($0) || isDigit($0) || $0 == UInt8(ascii: "-") }
    }

    private static func isLower(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") }
    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
}
