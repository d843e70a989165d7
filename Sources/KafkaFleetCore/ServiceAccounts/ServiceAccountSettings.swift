/// The limits of the service-account use cases that the reference reads from its SSO configuration.
public struct ServiceAccountSettings: Sendable, Hashable {
    /// How many service accounts one organisation may have (`MaxAllowedServiceAccounts`, default 50).
    public var maximumPerOrganisation: Int
    /// Organisations without that limit (the reference's service-account-limits-check-skip-org-id list).
    public var unlimitedOrganisations: Set<String>

    /// The reference's defaults: 50 per organisation, no exceptions.
    public init(maximumPerOrganisation: Int = 50, unlimitedOrganisations: Set<String> = []) {
        self.maximumPerOrganisation = maximumPerOrganisation
        self.unlimitedOrganisations = unlimitedOrganisations
    }
}
