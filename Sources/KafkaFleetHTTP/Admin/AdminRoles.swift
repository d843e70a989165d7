public import HTTPTypes

/// Which realm roles may use which HTTP method of the admin API (the reference's admin authorisation file:
/// a list of `{method, roles}`). Roles are compared without regard to case.
public struct AdminRoles: Sendable, Hashable {
    private let rolesByMethod: [String: Set<String>]

    /// Roles per method, e.g. `["GET": ["kas-fleet-manager-admin-read"]]`.
    public init(_ rolesByMethod: [String: [String]]) {
        self.rolesByMethod = Dictionary(rolesByMethod.map { ($0.key.uppercased(), Set($0.value.map { $0.lowercased() })) }) { $1 }
    }

    /// The reference's production defaults: read = GET, write = GET + PATCH, full = GET + PATCH + DELETE + POST.
    public static let `default` = AdminRoles([
        "GET": ["kas-fleet-manager-admin-full", "kas-fleet-manager-admin-read", "kas-fleet-manager-admin-write"],
        "PATCH": ["kas-fleet-manager-admin-full", "kas-fleet-manager-admin-write"],
        "DELETE": ["kas-fleet-manager-admin-full"],
        "POST": ["kas-fleet-manager-admin-full"],
    ])

    /// Whether a caller with `roles` may use `method`.
    public func allows(_ method: HTTPRequest.Method, roles: [String]) -> Bool {
        guard let allowed = rolesByMethod[method.rawValue] else { return false }
        return roles.contains { allowed.contains($0.lowercased()) }
    }
}
