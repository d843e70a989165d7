/// Reads a create request's `plan` (`<instance_type>.<size_id>`) against the caller's assigned instance type.
public enum KafkaPlan {
    /// The size the plan names; the type's first size without a plan. The type part must be the assigned type
    /// (400 21) and the size must exist (400 42).
    public static func size(for plan: String?, assigned type: InstanceTypeConfig) throws(FleetError) -> InstanceSize {
        let trimmed = (plan ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else {
            guard let first = type.sizes.first else { throw FleetError(.instancePlanNotSupported, "unsupported plan provided: \"\"") }
            return first
        }
        let parts = trimmed.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0] == type.id else {
            throw FleetError(.badRequest, "unable to detect instance type in plan provided: \"\(plan ?? "")\"")
        }
        guard let size = type.size(String(parts[1])) else {
            throw FleetError(.instancePlanNotSupported, "unsupported plan provided: \"\(plan ?? "")\"")
        }
        return size
    }
}
