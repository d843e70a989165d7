public import HTTPTypes
public import KafkaFleetCore

/// The API's error catalogue: for every `FleetError.Code`, the HTTP status and the default reason the
/// reference answers with. This is the only place where a code becomes a status.
public enum ErrorCatalogue {
    /// One catalogue entry.
    public struct Entry: Sendable, Hashable {
        /// The code.
        public var code: FleetError.Code
        /// The HTTP status it is answered with.
        public var status: HTTPResponse.Status
        /// The reason when the refusal gives none.
        public var defaultReason: String
    }

    /// The entry of a code.
    public static func entry(for code: FleetError.Code) -> Entry {
        let (status, reason) = statusAndReason(code)
        return Entry(code: code, status: status, defaultReason: reason)
    }

    /// Every entry, sorted by code (what `GET /errors` lists).
    public static var all: [Entry] {
        FleetError.Code.all.map(entry(for:))
    }

    /// Switches over the package's view of the codes, so that the compiler checks every code has an entry.
    private static func statusAndReason(_ code: FleetError.Code) -> (HTTPResponse.Status, String) {
        switch code.base {
        case .forbidden: (.forbidden, "Forbidden to perform this action")
        case .maxAllowedInstanceReached: (.forbidden, "Forbidden to create more instances than the maximum allowed")
        case .conflict: (.conflict, "An entity with the specified unique values already exists")
        case .notFound: (.notFound, "Resource not found")
        case .validation: (.badRequest, "General validation failure")
        case .general: (.internalServerError, "Unspecified error")
        case .notImplemented: (.methodNotAllowed, "HTTP Method not implemented for this endpoint")
        case .unauthorized: (.forbidden, "Account is unauthorized to perform this action")
        case .termsNotAccepted: (.forbidden, "Required terms have not been accepted")
        case .unauthenticated: (.unauthorized, "Account authentication could not be verified")
        case .malformedRequest: (.badRequest, "Unable to read request body")
        case .serviceUnderMaintenance: (.forbidden, "Unable to perform this action, as the service is currently under maintenance")
        case .badRequest: (.badRequest, "Bad request")
        case .failedToParseSearch: (.badRequest, "Failed to parse search query")
        case .tooManyKafkaInstancesReached: (.forbidden, "The maximum number of allowed kafka instances has been reached")
        case .gone: (.gone, "Resource gone")
        case .providerNotSupported: (.badRequest, "Provider not supported")
        case .regionNotSupported: (.badRequest, "Region not supported")
        case .malformedKafkaClusterName: (.badRequest, "Kafka cluster name is invalid")
        case .minimumFieldLength: (.badRequest, "Minimum field length not reached")
        case .maximumFieldLength: (.badRequest, "Maximum field length has been depassed")
        case .duplicateKafkaClusterName: (.conflict, "Kafka cluster name is already used")
        case .fieldValidation: (.badRequest, "Field validation failed")
        case .malformedServiceAccountName: (.badRequest, "Service account name is invalid")
        case .malformedServiceAccountDescription: (.badRequest, "Service account desc is invalid")
        case .malformedServiceAccountID: (.badRequest, "Service account id is invalid")
        case .instanceTypeNotSupported: (.badRequest, "Instance Type not supported")
        case .instancePlanNotSupported: (.badRequest, "Instance plan not supported")
        case .billingAccountInvalid: (.badRequest, "Billing account id missing or invalid")
        case .duplicateClusterID: (.conflict, "Enterprise cluster ID is already used")
        case .invalidClusterID: (.badRequest, "Enterprise cluster ID is invalid")
        case .invalidExternalClusterID: (.badRequest, "Enterprise external cluster ID is invalid")
        case .invalidDNSName: (.badRequest, "Dns name is invalid")
        case .syncActionNotSupported: (.badRequest, "Synchronous action is not supported, use async=true parameter")
        case .failedToCreateSSOClient: (.internalServerError, "Failed to create kafka client in the mas sso")
        case .failedToGetSSOClientSecret: (.internalServerError, "Failed to get kafka client secret from the mas sso")
        case .failedToGetSSOClient: (.internalServerError, "Failed to get kafka client from the mas sso")
        case .failedToDeleteSSOClient: (.internalServerError, "Failed to delete kafka client from the mas sso")
        case .failedToCreateServiceAccount: (.internalServerError, "Failed to create service account")
        case .failedToGetServiceAccount: (.internalServerError, "Failed to get service account")
        case .failedToDeleteServiceAccount: (.internalServerError, "Failed to delete service account")
        case .serviceAccountNotFound: (.notFound, "Failed to find service account")
        case .maxLimitForServiceAccountsReached: (.forbidden, "Max limit for the service account creation has reached")
        case .insufficientQuota: (.forbidden, "Insufficient quota")
        case .failedToCheckQuota: (.internalServerError, "Failed to check quota")
        case .contentTooLarge: (.contentTooLarge, "Request body is larger than the server accepts")
        case .uriTooLong: (.uriTooLong, "Request URI is longer than the server accepts")
        case .unsupportedMediaType: (.unsupportedMediaType, "Request body must be JSON (Content-Type: application/json)")
        case .tooManyRequests: (.tooManyRequests, "Too many requests")
        case .headerFieldsTooLarge: (.requestHeaderFieldsTooLarge, "Request header fields are larger than the server accepts")
        case .serviceUnavailable: (.serviceUnavailable, "The service is temporarily unavailable, retry later")
        case .unableToSendErrorResponse:
            (.internalServerError, "An unexpected error happened, please check the log of the service for details")
        }
    }
}
