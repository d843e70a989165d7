public import Foundation

/// A billing model granted to a quota-list entry for one instance type.
public struct GrantedBillingModel: Sendable, Codable, Hashable {
    /// The billing model id, e.g. `standard`.
    public var id: String
    /// Streaming units allowed under this model; overrides the entry's value when positive.
    public var maxAllowedInstances: Int?
    /// The last day of the grant, written `YYYY-MM-DD ±HH:MM`.
    public var expirationDate: String?

    enum CodingKeys: String, CodingKey {
        case id, maxAllowedInstances = "max_allowed_instances", expirationDate = "expiration_date"
    }

    /// A granted model from its parts.
    public init(id: String, maxAllowedInstances: Int? = nil, expirationDate: String? = nil) {
        self.id = id
        self.maxAllowedInstances = maxAllowedInstances
        self.expirationDate = expirationDate
    }

    /// Whether the grant has ended at `now`; a date that cannot be read counts as ended.
    public func isExpired(at now: Date) -> Bool {
        guard let text = expirationDate else { return false }
        guard let end = Self.parseDate(text) else { return true }
        return now >= end
    }

    /// The instant a `YYYY-MM-DD ±HH:MM` date begins.
    static func parseDate(_ text: String) -> Date? {
        let parts = text.split(separator: " ")
        guard parts.count == 2 else { return nil }
        let day = parts[0].split(separator: "-").compactMap { Int($0) }
        let zone = parts[1]
        guard day.count == 3, zone.count == 6, let sign = zone.first, sign == "+" || sign == "-" else { return nil }
        let clock = zone.dropFirst().split(separator: ":").compactMap { Int($0) }
        guard clock.count == 2 else { return nil }
        let offset = (clock[0] * 3600 + clock[1] * 60) * (sign == "-" ? -1 : 1)
        guard let timeZone = TimeZone(secondsFromGMT: offset) else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar.date(from: DateComponents(year: day[0], month: day[1], day: day[2]))
    }
}

/// The quota an entry has for one instance type.
public struct GrantedQuota: Sendable, Codable, Hashable {
    /// The instance type, e.g. `standard`.
    public var instanceTypeID: String
    /// The billing models granted; `[standard]` when the file lists none.
    public var kafkaBillingModels: [GrantedBillingModel]

    enum CodingKeys: String, CodingKey { case instanceTypeID = "instance_type_id", kafkaBillingModels = "kafka_billing_models" }

    /// A grant from its parts.
    public init(instanceTypeID: String, kafkaBillingModels: [GrantedBillingModel] = [GrantedBillingModel(id: "standard")]) {
        self.instanceTypeID = instanceTypeID
        self.kafkaBillingModels = kafkaBillingModels
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        instanceTypeID = try container.decode(String.self, forKey: .instanceTypeID)
        kafkaBillingModels = try container.decodeIfPresent([GrantedBillingModel].self, forKey: .kafkaBillingModels)
            ?? [GrantedBillingModel(id: "standard")]
    }
}

/// A user of a quota-list organisation.
public struct RegisteredUser: Sendable, Codable, Hashable {
    /// The username.
    public var username: String

    /// A user by name.
    public init(username: String) { self.username = username }
}

/// A quota holder of the list: an individual account (`registered_service_accounts`) or an organisation
/// (`registered_users_per_organisation`).
public struct QuotaListEntry: Sendable, Codable, Hashable {
    /// The organisation id, for organisation entries.
    public var id: String?
    /// The username, for account entries.
    public var username: String?
    /// Whether every user of the organisation is covered when `registeredUsers` is empty.
    public var anyUser: Bool
    /// Streaming units allowed when the billing model sets none.
    public var maxAllowedInstances: Int?
    /// The users covered, for organisation entries.
    public var registeredUsers: [RegisteredUser]
    /// What the entry may create; `[standard]` when the file lists nothing.
    public var grantedQuota: [GrantedQuota]

    enum CodingKeys: String, CodingKey {
        case id, username, anyUser = "any_user", maxAllowedInstances = "max_allowed_instances"
        case registeredUsers = "registered_users", grantedQuota = "granted_quota"
    }

    /// An entry from its parts.
    public init(id: String? = nil, username: String? = nil, anyUser: Bool = false, maxAllowedInstances: Int? = nil,
                registeredUsers: [RegisteredUser] = [], grantedQuota: [GrantedQuota] = [GrantedQuota(instanceTypeID: "standard")]) {
        self.id = id
        self.username = username
        self.anyUser = anyUser
        self.maxAllowedInstances = maxAllowedInstances
        self.registeredUsers = registeredUsers
        self.grantedQuota = grantedQuota
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        if let number = try? container.decodeIfPresent(Int.self, forKey: .id) {
            id = String(number)
        } else {
            id = try container.decodeIfPresent(String.self, forKey: .id)
        }
        username = try container.decodeIfPresent(String.self, forKey: .username)
        anyUser = try container.decodeIfPresent(Bool.self, forKey: .anyUser) ?? false
        maxAllowedInstances = try container.decodeIfPresent(Int.self, forKey: .maxAllowedInstances)
        registeredUsers = try container.decodeIfPresent([RegisteredUser].self, forKey: .registeredUsers) ?? []
        grantedQuota = try container.decodeIfPresent([GrantedQuota].self, forKey: .grantedQuota) ?? [GrantedQuota(instanceTypeID: "standard")]
    }

    /// Whether `username` is covered by this organisation entry.
    public func covers(username: String) -> Bool {
        registeredUsers.isEmpty ? anyUser : registeredUsers.contains { $0.username == username }
    }

    /// The billing model granted for an instance type, if any.
    public func grantedModel(instanceType: String, billingModel: String) -> GrantedBillingModel? {
        grantedQuota.first { $0.instanceTypeID == instanceType }?.kafkaBillingModels.first { $0.id == billingModel }
    }

    /// The billing models granted for an instance type, in file order.
    public func grantedModels(instanceType: String) -> [GrantedBillingModel] {
        grantedQuota.first { $0.instanceTypeID == instanceType }?.kafkaBillingModels ?? []
    }
}

/// The quota management list: the reference's `quota-management-list-configuration.yaml`.
public struct QuotaList: Sendable, Codable, Hashable {
    /// Individual accounts, by username.
    public var registeredServiceAccounts: [QuotaListEntry]
    /// Organisations, by id.
    public var registeredUsersPerOrganisation: [QuotaListEntry]

    enum CodingKeys: String, CodingKey {
        case registeredServiceAccounts = "registered_service_accounts"
        case registeredUsersPerOrganisation = "registered_users_per_organisation"
    }

    /// A list from its parts.
    public init(registeredServiceAccounts: [QuotaListEntry] = [], registeredUsersPerOrganisation: [QuotaListEntry] = []) {
        self.registeredServiceAccounts = registeredServiceAccounts
        self.registeredUsersPerOrganisation = registeredUsersPerOrganisation
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        registeredServiceAccounts = try container.decodeIfPresent([QuotaListEntry].self, forKey: .registeredServiceAccounts) ?? []
        registeredUsersPerOrganisation = try container.decodeIfPresent([QuotaListEntry].self, forKey: .registeredUsersPerOrganisation) ?? []
    }

    /// The organisation entry with this id.
    public func organisation(_ id: String) -> QuotaListEntry? {
        registeredUsersPerOrganisation.first { $0.id == id }
    }

    /// The account entry with this username.
    public func account(_ username: String) -> QuotaListEntry? {
        registeredServiceAccounts.first { $0.username == username }
    }
}
