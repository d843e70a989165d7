/// The paths of the public API.
public enum APIPaths {
    /// `/api/kafkas_mgmt`: the API root (metadata only).
    public static let root = "/api/kafkas_mgmt"
    /// `/api/kafkas_mgmt/v1`: every route of version 1.
    public static let v1 = "/api/kafkas_mgmt/v1"
    /// The kafka collection.
    public static let kafkas = "\(v1)/kafkas"
    /// The enterprise (customer-registered) data-plane clusters.
    public static let clusters = "\(v1)/clusters"
    /// The error catalogue.
    public static let errors = "\(v1)/errors"
    /// The OpenAPI document.
    public static let openapi = "\(v1)/openapi"
    /// The OpenAPI document of the agent API (our addition: the reference serves only the public one).
    public static let agentOpenAPI = "\(openapi)/agent"
    /// The OpenAPI document of the admin API (our addition: the reference serves only the public one).
    public static let adminOpenAPI = "\(openapi)/admin"
    /// The HTML rendering of the OpenAPI document.
    public static let docs = "\(v1)/docs"

    /// The route templates that need no token (as the reference: metadata, spec, docs, errors, SSO providers; and
    /// the agent and admin specs).
    public static let publicTemplates: [String] = [
        root, v1, openapi, agentOpenAPI, adminOpenAPI, docs, errors, "\(errors)/{id}", "\(v1)/sso_providers",
    ]
}
