/// The body of `POST /service_accounts` (`ServiceAccountRequest`): both fields optional and `null`-tolerant here,
/// so that a missing name is refused by the service's length check (33), as the reference does.
struct ServiceAccountRequestJSON: Decodable {
    var name: String?
    var description: String?
}
