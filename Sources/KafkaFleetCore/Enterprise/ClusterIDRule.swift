/// The rule a data-plane cluster id given by a user must follow: ASCII letters and digits only.
///
/// Shared by kafka creation (`cluster_id` of an enterprise kafka) and enterprise cluster registration, so both
/// refuse the same ids with `KAFKAS-MGMT-45`.
public enum ClusterIDRule {
    /// The length of an OCM cluster id, which an enterprise registration must match exactly.
    public static let registeredLength = 32

    /// Whether `id` contains only `[a-zA-Z0-9]` (an empty id passes; callers check presence themselves).
    public static func isAlphanumeric(_ id: String) -> Bool {
        id.utf8.allSatisfy { byte in
            (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
                || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
        }
    }

    /// Throws `KAFKAS-MGMT-45` unless `id` is alphanumeric.
    public static func validateAlphanumeric(_ id: String) throws(FleetError) {
        guard isAlphanumeric(id) else {
            throw FleetError(.invalidClusterID, "cluster id '\(id)' is invalid: only letters and digits are allowed")
        }
    }
}
