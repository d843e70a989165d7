/// The fields of Keycloak's ClientRepresentation that every client KafkaFleet creates is made with: confidential,
/// with a service account and no browser or password flows. Canary and agent clients and users' service accounts
/// differ only in their names, attributes and claim mappers.
struct KeycloakClientRepresentation: Encodable {
    /// A protocol mapper that adds a fixed claim to the client's tokens.
    struct HardcodedClaimMapper: Encodable {
        var name: String
        var protocolMapper = "oidc-hardcoded-claim-mapper"
        var `protocol` = "openid-connect"
        var config: [String: String]

        init(claim: String, value: String) {
            name = claim
            config = [
                "claim.name": claim, "claim.value": value, "jsonType.label": "String",
                "access.token.claim": "true", "id.token.claim": "true", "userinfo.token.claim": "true",
            ]
        }
    }

    var clientId: String
    var name: String
    var description: String
    var enabled = true
    var publicClient = false
    var clientAuthenticatorType = "client-secret"
    var serviceAccountsEnabled = true
    var standardFlowEnabled = false
    var implicitFlowEnabled = false
    var directAccessGrantsEnabled = false
    var attributes: [String: String]
    /// Left out of the JSON when `nil`.
    var protocolMappers: [HardcodedClaimMapper]?

    init(clientID: String, name: String, description: String, attributes: [String: String], protocolMappers: [HardcodedClaimMapper]? = nil) {
        clientId = clientID
        self.name = name
        self.description = description
        self.attributes = attributes
        self.protocolMappers = protocolMappers
    }
}
