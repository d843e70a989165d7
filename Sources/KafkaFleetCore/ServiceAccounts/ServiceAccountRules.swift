/// The reference's checks on service-account input, each with its code and reason: lengths are counted in bytes,
/// a too long value is 34, an empty one 33, and a value of the wrong shape 38 (name), 39 (description) or 40 (ids).
public enum ServiceAccountRules {
    /// The longest name, in bytes.
    public static let maximumNameLength = 50
    /// The longest description, in bytes.
    public static let maximumDescriptionLength = 255
    /// The longest id (a UUID).
    public static let maximumIDLength = 36
    /// The longest client id the reference accepts in `?client_id=`.
    public static let maximumClientIDLength = 47
    /// The prefix of every user service account's client id.
    public static let clientIDPrefix = "srvc-acct-"
    /// A name's format, as the reference words it in its error: the same as a kafka's.
    public static let namePattern = "^[a-z]([-a-z0-9]*[a-z0-9])?$"
    /// A description's format, as the reference words it.
    public static let descriptionPattern = #"^[a-zA-Z0-9.,\-\s]*$"#
    /// An id's format, as the reference words it.
    public static let idPattern = "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"
    /// A client id's format, as the reference words it.
    public static let clientIDPattern = "^srvc-acct-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"

    /// Checks a create request in the reference's order: name length, description length, name format,
    /// description format. Returns the name and description to store.
    public static func validate(name: String?, description: String?) throws(FleetError) -> (name: String, description: String) {
        let name = name ?? ""
        let description = description ?? ""
        try checkLength(name, field: "name", maximum: maximumNameLength)
        if description.utf8.count > maximumDescriptionLength {
            throw tooLong("description", maximumDescriptionLength)
        }
        if !KafkaNameRule.matchesPattern(name) { throw FleetError(.malformedServiceAccountName, "name does not match \(namePattern)") }
        if !isDescription(description) {
            throw FleetError(.malformedServiceAccountDescription, "description does not match \(descriptionPattern)")
        }
        return (name, description)
    }

    /// Checks the `{id}` of a path: at most 36 bytes, then a lowercase UUID.
    public static func validate(id: String) throws(FleetError) {
        try checkLength(id, field: "id", maximum: maximumIDLength)
        if !isUUID(Array(id.utf8)) { throw FleetError(.malformedServiceAccountID, "id does not match \(idPattern)") }
    }

    /// Checks a `client_id` query value: at most 47 bytes, then `srvc-acct-` and a lowercase UUID.
    public static func validate(clientID: String) throws(FleetError) {
        try checkLength(clientID, field: "client_id", maximum: maximumClientIDLength)
        let bytes = Array(clientID.utf8)
        let prefix = Array(clientIDPrefix.utf8)
        guard bytes.starts(with: prefix), isUUID(Array(bytes.dropFirst(prefix.count))) else {
            throw FleetError(.malformedServiceAccountID, "client_id does not match \(clientIDPattern)")
        }
    }

    private static func checkLength(_ value: String, field: String, maximum: Int) throws(FleetError) {
        if value.utf8.count > maximum { throw tooLong(field, maximum) }
        if value.isEmpty { throw FleetError(.minimumFieldLength, "\(field) is not valid, minimum length 1 is required") }
    }

    private static func tooLong(_ field: String, _ maximum: Int) -> FleetError {
        FleetError(.maximumFieldLength, "\(field) is not valid, maximum length \(maximum) is required")
    }

    /// Letters, digits, `.`, `,`, `-` and the whitespace of RE2's `\s` (tab, newline, form feed, carriage return, space).
    static func isDescription(_ description: String) -> Bool {
        description.utf8.allSatisfy { byte in
            isLower(byte) || isDigit(byte) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
                || [UInt8(ascii: "."), UInt8(ascii: ","), UInt8(ascii: "-"), UInt8(ascii: " "), 0x09, 0x0A, 0x0C, 0x0D].contains(byte)
        }
    }

    /// Lowercase hex in groups of 8-4-4-4-12.
    private static func isUUID(_ bytes: [UInt8]) -> Bool {
        guard bytes.count == 36 else { return false }
        return bytes.enumerated().allSatisfy { index, byte in
            [8, 13, 18, 23].contains(index) ? byte == UInt8(ascii: "-") : isDigit(byte) || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "f"))
        }
    }

    private static func isLower(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") }
    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
}
