/// The rule an ingress DNS name must follow, the reference's
/// `^(?:[_a-z0-9](?:[_a-z0-9-]{0,61}[a-z0-9])?\.)+(?:[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?)?$`, written out by hand:
/// one or more lowercase labels each followed by a dot, then an optional top-level label that starts with a letter.
public enum DNSNameRule {
    /// The longest label.
    static let maximumLabelLength = 63

    /// The two kinds of label the pattern distinguishes.
    private enum Label {
        /// A label followed by a dot: `[_a-z0-9]`, then `[_a-z0-9-]`, ending in `[a-z0-9]`.
        case inner
        /// The last label, without a dot: `[a-z]`, then `[a-z0-9-]`, ending in `[a-z0-9]`.
        case topLevel
    }

    /// Whether `name` matches the pattern.
    public static func isValid(_ name: String) -> Bool {
        let labels = name.utf8.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false).map(Array.init)
        guard labels.count >= 2, let last = labels.last else { return false }
        guard labels.dropLast().allSatisfy({ matches($0, as: .inner) }) else { return false }
        return last.isEmpty || matches(last, as: .topLevel)
    }

    private static func matches(_ bytes: [UInt8], as label: Label) -> Bool {
        guard let head = bytes.first, let tail = bytes.last, bytes.count <= maximumLabelLength else { return false }
        let underscoreAllowed = label == .inner
        func isMiddle(_ byte: UInt8) -> Bool {
            isLowerLetter(byte) || isDigit(byte) || byte == UInt8(ascii: "-") || (underscoreAllowed && byte == UInt8(ascii: "_"))
        }
        let headAllowed = switch label {
        case .inner: isLowerLetter(head) || isDigit(head) || head == UInt8(ascii: "_")
        case .topLevel: isLowerLetter(head)
        }
        guard headAllowed else { return false }
        guard bytes.count > 1 else { return true }
        return bytes.dropFirst().dropLast().allSatisfy(isMiddle) && (isLowerLetter(tail) || isDigit(tail))
    }

    private static func isLowerLetter(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") }
    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
}
