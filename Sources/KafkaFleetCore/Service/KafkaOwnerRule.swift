/// The rules a new owner given in `PATCH /kafkas/{id}` must follow: present (400 33, the reference's check), at most
/// `maximumLength` bytes (400 34) and shaped like an SSO username (400 21, the reference's code for an owner it cannot
/// accept), so that an owner is never an arbitrary string.
///
/// The reference also asks OCM whether the new owner belongs to the caller's organisation; we have no such directory,
/// so a well-formed username of any organisation member is accepted, as with the reference's OCM mock.
public enum KafkaOwnerRule {
    /// The longest owner, in bytes (Keycloak's username limit).
    public static let maximumLength = 255

    /// Returns the owner when it is acceptable; throws the refusal otherwise.
    public static func validate(_ owner: String) throws(FleetError) -> String {
        if owner.isEmpty { throw FleetError(.minimumFieldLength, "owner is not valid, minimum length 1 is required") }
        if owner.utf8.count > maximumLength {
            throw FleetError(.maximumFieldLength, "owner is not valid, maximum length \(maximumLength) is required")
        }
        guard owner.utf8.allSatisfy(isUsernameByte) else {
            throw FleetError(.badRequest, "user \(owner) does not belong in your organization")
        }
        return owner
    }

    /// Letters, digits and `.`, `_`, `-`, `@`, `+`: what SSO usernames and e-mail addresses are made of.
    static func isUsernameByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"): true
        case UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "-"), UInt8(ascii: "@"), UInt8(ascii: "+"): true
        default: false
        }
    }
}
