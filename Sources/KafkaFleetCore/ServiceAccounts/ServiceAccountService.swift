import Foundation
public import Logging

/// The use cases behind `/service_accounts`: create, list, look up, delete and reset the credentials of an
/// organisation's service accounts, with the reference's checks, limits, tenancy rules and error codes, over any
/// `ServiceAccountDirectory`.
///
/// Tenancy, as the reference's Keycloak-backed service: every member of an organisation lists all its accounts;
/// reading one (by id or client id) is for its owner; deleting it and resetting its secret are for its owner and
/// the organisation's admins. Anyone else, including another organisation, is refused with 403 `KAFKAS-MGMT-4`; an
/// account that does not exist is 404 `KAFKAS-MGMT-113`. The owner is matched by account id when both the account
/// and the token have one, else by username (the reference compares account ids only, which locks out creators whose
/// tokens carry none).
///
/// A failure of the directory is logged and answered with the reference's code for that step (9, 110, 111 or 112),
/// never with its details.
public struct ServiceAccountService: Sendable {
    /// Where the accounts live.
    public let directory: any ServiceAccountDirectory
    /// The source of creation times.
    public let clock: any WallClock
    /// The per-organisation limit.
    public let settings: ServiceAccountSettings
    private let logger: Logger

    /// A service over `directory`.
    public init(directory: any ServiceAccountDirectory, clock: any WallClock = SystemWallClock(),
                settings: ServiceAccountSettings = ServiceAccountSettings(),
                logger: Logger = Logger(label: "kafkafleet.service-accounts")) {
        self.directory = directory
        self.clock = clock
        self.settings = settings
        self.logger = logger
    }

    /// Creates an account owned by the requester, after the input checks and the organisation's limit (403 115),
    /// and returns it with its secret.
    public func create(name: String?, description: String?, by requester: Requester) async throws -> IssuedServiceAccount {
        let (name, description) = try ServiceAccountRules.validate(name: name, description: description)
        let organisationID = requester.organisationID
        if !settings.unlimitedOrganisations.contains(organisationID) {
            let existing = try await step(.general, "failed to create service account") {
                try await directory.accounts(organisationID: organisationID).count
            }
            if existing >= settings.maximumPerOrganisation {
                throw FleetError(.maxLimitForServiceAccountsReached,
                                 "Max allowed number:\(settings.maximumPerOrganisation) of service accounts for user in org:\(organisationID) has reached")
            }
        }
        let createdAt = Date(timeIntervalSince1970: clock.now().timeIntervalSince1970.rounded(.down))
        let draft = ServiceAccountDraft(
            clientID: ServiceAccountRules.clientIDPrefix + UUID().uuidString.lowercased(), name: name, description: description,
            organisationID: organisationID, owner: requester.username, ownerAccountID: requester.accountID, createdAt: createdAt)
        return try await step(.failedToCreateServiceAccount, "failed to create service account") {
            try await directory.create(draft)
        }
    }

    /// Every account of the requester's organisation.
    public func list(by requester: Requester) async throws -> [ServiceAccount] {
        try await step(.general, "failed to collect service accounts") {
            try await directory.accounts(organisationID: requester.organisationID)
        }
    }

    /// The account with this client id, for its owner.
    public func account(clientID: String, by requester: Requester) async throws -> ServiceAccount {
        try ServiceAccountRules.validate(clientID: clientID)
        let found = try await step(.failedToGetServiceAccount, "failed to get the service account \(clientID)") {
            try await directory.account(clientID: clientID)
        }
        return try owned(found, key: clientID, by: requester, adminsToo: false, refusal: "failed to get service account")
    }

    /// The account with this id, for its owner.
    public func account(id: String, by requester: Requester) async throws -> ServiceAccount {
        try await lookUp(id: id, by: requester, adminsToo: false, refusal: "failed to get service account")
    }

    /// Deletes the account; its owner and the organisation's admins may.
    public func delete(id: String, by requester: Requester) async throws {
        let account = try await lookUp(id: id, by: requester, adminsToo: true, refusal: "failed to delete service account")
        try await step(.failedToDeleteServiceAccount, "failed to delete service account") {
            try await directory.delete(id: account.id)
        }
    }

    /// Gives the account a new secret and returns it; its owner and the organisation's admins may.
    public func resetCredentials(id: String, by requester: Requester) async throws -> IssuedServiceAccount {
        let account = try await lookUp(id: id, by: requester, adminsToo: true, refusal: "failed to reset service account credentials")
        let secret = try await step(.general, "failed to reset service account credentials") {
            try await directory.resetSecret(id: account.id)
        }
        guard let secret else { throw Self.notFound(id) }
        return IssuedServiceAccount(account: account, clientSecret: secret)
    }

    private func lookUp(id: String, by requester: Requester, adminsToo: Bool, refusal: String) async throws -> ServiceAccount {
        try ServiceAccountRules.validate(id: id)
        let found = try await step(.failedToGetServiceAccount, "failed to get the service account \(id)") {
            try await directory.account(id: id)
        }
        return try owned(found, key: id, by: requester, adminsToo: adminsToo, refusal: refusal)
    }

    private func owned(_ account: ServiceAccount?, key: String, by requester: Requester, adminsToo: Bool,
                       refusal: String) throws(FleetError) -> ServiceAccount {
        guard let account else { throw Self.notFound(key) }
        let isOwner = !account.ownerAccountID.isEmpty && !requester.accountID.isEmpty
            ? account.ownerAccountID == requester.accountID
            : account.owner == requester.username
        guard account.organisationID == requester.organisationID, isOwner || (adminsToo && requester.isOrgAdmin) else {
            throw FleetError(.forbidden, refusal)
        }
        return account
    }

    private static func notFound(_ key: String) -> FleetError {
        FleetError(.serviceAccountNotFound, "service account not found \(key)")
    }

    /// Runs a directory call; a refusal of our own passes through, any other failure is logged and becomes `code`.
    private func step<T>(_ code: FleetError.Code, _ reason: String, _ call: () async throws -> T) async throws(FleetError) -> T {
        do {
            return try await call()
        } catch let error as FleetError {
            throw error
        } catch {
            logger.error("service account directory failed", metadata: ["step": "\(reason)", "error": "\(error)"])
            throw FleetError(code, reason)
        }
    }
}
