/// The names the control plane gives a kafka's resources outside the database.
public enum KafkaNaming {
    /// The DNS label of a kafka: the first 10 characters of its name, a dash, its id; lowercase, with any run
    /// of characters not allowed in a DNS-1035 label replaced by `-`, and a leading or trailing `-` replaced by `a`.
    public static func identifier(of kafka: KafkaRequest) -> String {
        let raw = (String(kafka.name.prefix(10)) + "-" + kafka.id).lowercased()
        var label = ""
        for character in raw {
            if character.isASCII && (character.isLetter || character.isNumber || character == "-") {
                label.append(character)
            } else if !label.hasSuffix("-") {
                label.append("-")
            }
        }
        if label.hasPrefix("-") { label = "a" + label.dropFirst() }
        if label.hasSuffix("-") { label = label.dropLast() + "a" }
        return label
    }

    /// The bootstrap host of a kafka under the service's kafka domain.
    public static func bootstrapHost(of kafka: KafkaRequest, domain: String) -> String {
        "\(identifier(of: kafka)).\(domain)"
    }

    /// The data-plane namespace of a kafka.
    public static func namespace(of kafka: KafkaRequest) -> String { "kafka-\(kafka.id.lowercased())" }

    /// The client id of a kafka's canary service account.
    public static func canaryClientID(of kafka: KafkaRequest) -> String { "canary-\(kafka.id.lowercased())" }

    /// The identity-provider client that describes a kafka's canary service account.
    public static func canaryClient(of kafka: KafkaRequest) -> IdentityClient {
        IdentityClient(clientID: canaryClientID(of: kafka), name: "canary-service-account-for-kafka \(kafka.id)",
                       description: "canary service account for kafka \(kafka.id)",
                       attributes: ["rh-org-id": kafka.organisationID, "username": kafka.owner])
    }

    /// The DNS records a kafka needs: its bootstrap host pointing at its cluster's ingress, then every route the
    /// agent reported (a reported route for the bootstrap host itself replaces the ingress target).
    public static func dnsRecords(of kafka: KafkaRequest, domain: String, ingress: String) -> [DNSRecord] {
        var targets: [String: String] = [:]
        var order: [String] = []
        func add(_ name: String, _ target: String) {
            if targets[name] == nil { order.append(name) }
            targets[name] = target
        }
        if kafka.bootstrapDNSCreated || !kafka.bootstrapServerHost.isEmpty {
            add(bootstrapHost(of: kafka, domain: domain), ingress)
        }
        for route in kafka.routes ?? [] { add(route.domain, route.router) }
        return order.compactMap { name in targets[name].map { DNSRecord(name: name, target: $0) } }
    }
}
