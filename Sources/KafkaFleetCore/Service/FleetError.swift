/// A refusal or failure the service reports to a caller, typed by the API's error catalogue.
///
/// The raw value of `Code` is the catalogue number (`KAFKAS-MGMT-<n>`); the HTTP layer maps a code to
/// its status and default reason once, in one place. `reason` is a sentence safe to show to the caller.
public struct FleetError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The catalogue entry.
    public enum Code: Int, Sendable, Hashable, CaseIterable {
        case forbidden = 4
        case maxAllowedInstanceReached = 5
        case conflict = 6
        case notFound = 7
        case validation = 8
        case general = 9
        case notImplemented = 10
        case unauthorized = 11
        case termsNotAccepted = 12
        case unauthenticated = 15
        case malformedRequest = 17
        case serviceUnderMaintenance = 18
        case badRequest = 21
        case failedToParseSearch = 23
        case tooManyKafkaInstancesReached = 24
        case gone = 25
        case providerNotSupported = 30
        case regionNotSupported = 31
        case malformedKafkaClusterName = 32
        case minimumFieldLength = 33
        case maximumFieldLength = 34
        case duplicateKafkaClusterName = 36
        case fieldValidation = 37
        case malformedServiceAccountName = 38
        case malformedServiceAccountDescription = 39
        case malformedServiceAccountID = 40
        case instanceTypeNotSupported = 41
        case instancePlanNotSupported = 42
        case billingAccountInvalid = 43
        case duplicateClusterID = 44
        case invalidClusterID = 45
        case invalidExternalClusterID = 46
        case invalidDNSName = 47
        case syncActionNotSupported = 103
        case failedToCreateSSOClient = 106
        case failedToGetSSOClientSecret = 107
        case failedToGetSSOClient = 108
        case failedToDeleteSSOClient = 109
        case failedToCreateServiceAccount = 110
        case failedToGetServiceAccount = 111
        case failedToDeleteServiceAccount = 112
        case serviceAccountNotFound = 113
        case maxLimitForServiceAccountsReached = 115
        case insufficientQuota = 120
        case failedToCheckQuota = 121
        case contentTooLarge = 413
        case uriTooLong = 414
        case unsupportedMediaType = 415
        case tooManyRequests = 429
        case headerFieldsTooLarge = 431
        case serviceUnavailable = 503
        case unableToSendErrorResponse = 1000
    }

    /// The catalogue entry.
    public var code: Code
    /// A sentence for the caller; empty means the catalogue's default reason.
    public var reason: String

    /// An error with a code and an optional reason.
    public init(_ code: Code, _ reason: String = "") {
        self.code = code
        self.reason = reason
    }

    public var description: String { "KAFKAS-MGMT-\(code.rawValue): \(reason)" }
}
