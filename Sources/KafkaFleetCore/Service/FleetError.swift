/// A refusal or failure the service reports to a caller, typed by the API's error catalogue.
///
/// The raw value of `Code` is the catalogue number (`KAFKAS-MGMT-<n>`); the HTTP layer maps a code to
/// its status and default reason once, in one place. `reason` is a sentence safe to show to the caller.
public struct FleetError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A catalogue entry.
    ///
    /// A struct over a closed set of entries rather than a public enum, as `PSQLError.Code` in postgres-nio is: a
    /// new entry is an addition, not a source break for users who match codes (`if error.code == .notFound`,
    /// `case .notFound:` in a `switch` with a `default`). `rawValue` is the catalogue number.
    public struct Code: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
        /// The entries, by catalogue number; `package`-visible so that the HTTP layer's catalogue switches over
        /// them exhaustively and cannot miss one, while users outside the package see only the static members.
        package enum Base: Int, Sendable, CaseIterable {
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

        /// The entry.
        package let base: Base

        private init(_ base: Base) {
            self.base = base
        }

        /// The code with a catalogue number, or `nil` when the catalogue has no such entry.
        public init?(rawValue: Int) {
            guard let base = Base(rawValue: rawValue) else { return nil }
            self.init(base)
        }

        /// The catalogue number (`KAFKAS-MGMT-<n>`).
        public var rawValue: Int { base.rawValue }

        /// The entry's name, e.g. `notFound`.
        public var description: String { String(describing: base) }

        /// Every code, by catalogue number: what `GET /errors` lists.
        public static let all: [Code] = Base.allCases.sorted { $0.rawValue < $1.rawValue }.map(Code.init)

        /// `KAFKAS-MGMT-4`: Forbidden to perform this action.
        public static let forbidden = Code(.forbidden)
        /// `KAFKAS-MGMT-5`: Forbidden to create more instances than the maximum allowed.
        public static let maxAllowedInstanceReached = Code(.maxAllowedInstanceReached)
        /// `KAFKAS-MGMT-6`: An entity with the specified unique values already exists.
        public static let conflict = Code(.conflict)
        /// `KAFKAS-MGMT-7`: Resource not found.
        public static let notFound = Code(.notFound)
        /// `KAFKAS-MGMT-8`: General validation failure.
        public static let validation = Code(.validation)
        /// `KAFKAS-MGMT-9`: Unspecified error.
        public static let general = Code(.general)
        /// `KAFKAS-MGMT-10`: HTTP Method not implemented for this endpoint.
        public static let notImplemented = Code(.notImplemented)
        /// `KAFKAS-MGMT-11`: Account is unauthorized to perform this action.
        public static let unauthorized = Code(.unauthorized)
        /// `KAFKAS-MGMT-12`: Required terms have not been accepted.
        public static let termsNotAccepted = Code(.termsNotAccepted)
        /// `KAFKAS-MGMT-15`: Account authentication could not be verified.
        public static let unauthenticated = Code(.unauthenticated)
        /// `KAFKAS-MGMT-17`: Unable to read request body.
        public static let malformedRequest = Code(.malformedRequest)
        /// `KAFKAS-MGMT-18`: Unable to perform this action, as the service is currently under maintenance.
        public static let serviceUnderMaintenance = Code(.serviceUnderMaintenance)
        /// `KAFKAS-MGMT-21`: Bad request.
        public static let badRequest = Code(.badRequest)
        /// `KAFKAS-MGMT-23`: Failed to parse search query.
        public static let failedToParseSearch = Code(.failedToParseSearch)
        /// `KAFKAS-MGMT-24`: The maximum number of allowed kafka instances has been reached.
        public static let tooManyKafkaInstancesReached = Code(.tooManyKafkaInstancesReached)
        /// `KAFKAS-MGMT-25`: Resource gone.
        public static let gone = Code(.gone)
        /// `KAFKAS-MGMT-30`: Provider not supported.
        public static let providerNotSupported = Code(.providerNotSupported)
        /// `KAFKAS-MGMT-31`: Region not supported.
        public static let regionNotSupported = Code(.regionNotSupported)
        /// `KAFKAS-MGMT-32`: Kafka cluster name is invalid.
        public static let malformedKafkaClusterName = Code(.malformedKafkaClusterName)
        /// `KAFKAS-MGMT-33`: Minimum field length not reached.
        public static let minimumFieldLength = Code(.minimumFieldLength)
        /// `KAFKAS-MGMT-34`: Maximum field length has been depassed.
        public static let maximumFieldLength = Code(.maximumFieldLength)
        /// `KAFKAS-MGMT-36`: Kafka cluster name is already used.
        public static let duplicateKafkaClusterName = Code(.duplicateKafkaClusterName)
        /// `KAFKAS-MGMT-37`: Field validation failed.
        public static let fieldValidation = Code(.fieldValidation)
        /// `KAFKAS-MGMT-38`: Service account name is invalid.
        public static let malformedServiceAccountName = Code(.malformedServiceAccountName)
        /// `KAFKAS-MGMT-39`: Service account desc is invalid.
        public static let malformedServiceAccountDescription = Code(.malformedServiceAccountDescription)
        /// `KAFKAS-MGMT-40`: Service account id is invalid.
        public static let malformedServiceAccountID = Code(.malformedServiceAccountID)
        /// `KAFKAS-MGMT-41`: Instance Type not supported.
        public static let instanceTypeNotSupported = Code(.instanceTypeNotSupported)
        /// `KAFKAS-MGMT-42`: Instance plan not supported.
        public static let instancePlanNotSupported = Code(.instancePlanNotSupported)
        /// `KAFKAS-MGMT-43`: Billing account id missing or invalid.
        public static let billingAccountInvalid = Code(.billingAccountInvalid)
        /// `KAFKAS-MGMT-44`: Enterprise cluster ID is already used.
        public static let duplicateClusterID = Code(.duplicateClusterID)
        /// `KAFKAS-MGMT-45`: Enterprise cluster ID is invalid.
        public static let invalidClusterID = Code(.invalidClusterID)
        /// `KAFKAS-MGMT-46`: Enterprise external cluster ID is invalid.
        public static let invalidExternalClusterID = Code(.invalidExternalClusterID)
        /// `KAFKAS-MGMT-47`: Dns name is invalid.
        public static let invalidDNSName = Code(.invalidDNSName)
        /// `KAFKAS-MGMT-103`: Synchronous action is not supported, use async=true parameter.
        public static let syncActionNotSupported = Code(.syncActionNotSupported)
        /// `KAFKAS-MGMT-106`: Failed to create kafka client in the mas sso.
        public static let failedToCreateSSOClient = Code(.failedToCreateSSOClient)
        /// `KAFKAS-MGMT-107`: Failed to get kafka client secret from the mas sso.
        public static let failedToGetSSOClientSecret = Code(.failedToGetSSOClientSecret)
        /// `KAFKAS-MGMT-108`: Failed to get kafka client from the mas sso.
        public static let failedToGetSSOClient = Code(.failedToGetSSOClient)
        /// `KAFKAS-MGMT-109`: Failed to delete kafka client from the mas sso.
        public static let failedToDeleteSSOClient = Code(.failedToDeleteSSOClient)
        /// `KAFKAS-MGMT-110`: Failed to create service account.
        public static let failedToCreateServiceAccount = Code(.failedToCreateServiceAccount)
        /// `KAFKAS-MGMT-111`: Failed to get service account.
        public static let failedToGetServiceAccount = Code(.failedToGetServiceAccount)
        /// `KAFKAS-MGMT-112`: Failed to delete service account.
        public static let failedToDeleteServiceAccount = Code(.failedToDeleteServiceAccount)
        /// `KAFKAS-MGMT-113`: Failed to find service account.
        public static let serviceAccountNotFound = Code(.serviceAccountNotFound)
        /// `KAFKAS-MGMT-115`: Max limit for the service account creation has reached.
        public static let maxLimitForServiceAccountsReached = Code(.maxLimitForServiceAccountsReached)
        /// `KAFKAS-MGMT-120`: Insufficient quota.
        public static let insufficientQuota = Code(.insufficientQuota)
        /// `KAFKAS-MGMT-121`: Failed to check quota.
        public static let failedToCheckQuota = Code(.failedToCheckQuota)
        /// `KAFKAS-MGMT-413`: Request body is larger than the server accepts.
        public static let contentTooLarge = Code(.contentTooLarge)
        /// `KAFKAS-MGMT-414`: Request URI is longer than the server accepts.
        public static let uriTooLong = Code(.uriTooLong)
        /// `KAFKAS-MGMT-415`: Request body must be JSON (Content-Type: application/json).
        public static let unsupportedMediaType = Code(.unsupportedMediaType)
        /// `KAFKAS-MGMT-429`: Too many requests.
        public static let tooManyRequests = Code(.tooManyRequests)
        /// `KAFKAS-MGMT-431`: Request header fields are larger than the server accepts.
        public static let headerFieldsTooLarge = Code(.headerFieldsTooLarge)
        /// `KAFKAS-MGMT-503`: The service is temporarily unavailable, retry later.
        public static let serviceUnavailable = Code(.serviceUnavailable)
        /// `KAFKAS-MGMT-1000`: An unexpected error happened, please check the log of the service for details.
        public static let unableToSendErrorResponse = Code(.unableToSendErrorResponse)
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
