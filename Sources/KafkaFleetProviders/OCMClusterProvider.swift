public import AsyncHTTPClient
import Foundation
public import KafkaFleetCore
public import Logging
import NIOHTTP1

/// The AWS account that customer-cloud-subscription (CCS) clusters are created in, and OCM's access to it.
public struct OCMAWSAccount: Sendable, Hashable {
    /// The AWS account id.
    public var accountID: String
    /// The access key OCM uses in that account.
    public var accessKeyID: String
    /// Its secret.
    public var secretAccessKey: String

    /// An account from its parts.
    public init(accountID: String, accessKeyID: String, secretAccessKey: String) {
        self.accountID = accountID
        self.accessKeyID = accessKeyID
        self.secretAccessKey = secretAccessKey
    }
}

/// Where `OCMClusterProvider` finds OpenShift Cluster Manager, what clusters it asks for, and what the
/// agent addon is told.
public struct OCMConfiguration: Sendable {
    /// The API's base URL, e.g. `https://api.openshift.com`.
    public var baseURL: String
    /// The bearer token sent with every request (from configuration; offline-token exchange is not done here).
    public var token: String
    /// The OpenShift version id of new clusters, e.g. `openshift-v4.12.3`; empty lets OCM choose its default.
    public var openShiftVersion: String
    /// The AWS account of new AWS clusters (sent as the cluster's `aws` credentials); `nil` sends none,
    /// which OCM accepts only for organisations it lets create CCS clusters without them.
    public var awsAccount: OCMAWSAccount?
    /// The compute machine type per cloud provider.
    public var computeMachineTypes: [String: String]
    /// The autoscaling bounds of the compute nodes.
    public var computeNodes: ClosedRange<Int>
    /// The addon that installs the Kafka operator (Strimzi).
    public var strimziAddonID: String
    /// The addon that installs the data-plane agent.
    public var fleetshardAddonID: String
    /// The control plane's URL the agent reports to (`control-plane-url`).
    public var controlPlaneURL: String
    /// The SSO server the agent gets tokens from (`sso-auth-server-url`); omitted from the parameters when empty.
    public var ssoAuthServerURL: String
    /// How often the agent polls the control plane (`poll-interval`).
    public var pollInterval: String
    /// How often the agent resyncs everything (`resync-interval`).
    public var resyncInterval: String
    /// How long one request may take.
    public var requestTimeout: Duration

    /// A configuration with the reference's defaults: `m5.2xlarge` (AWS) and `custom-8-32768` (GCP) nodes
    /// autoscaled from 3 to 18, the addons `managed-kafka` and `kas-fleetshard-operator`, 15 s polling and
    /// 60 s resync.
    public init(
        baseURL: String = "https://api.openshift.com", token: String, controlPlaneURL: String,
        ssoAuthServerURL: String = "", openShiftVersion: String = "", awsAccount: OCMAWSAccount? = nil,
        computeMachineTypes: [String: String] = ["aws": "m5.2xlarge", "gcp": "custom-8-32768"],
        computeNodes: ClosedRange<Int> = 3...18, strimziAddonID: String = "managed-kafka",
        fleetshardAddonID: String = "kas-fleetshard-operator", pollInterval: String = "15s",
        resyncInterval: String = "60s", requestTimeout: Duration = .seconds(30)
    ) {
        self.baseURL = baseURL
        self.token = token
        self.controlPlaneURL = controlPlaneURL
        self.ssoAuthServerURL = ssoAuthServerURL
        self.openShiftVersion = openShiftVersion
        self.awsAccount = awsAccount
        self.computeMachineTypes = computeMachineTypes
        self.computeNodes = computeNodes
        self.strimziAddonID = strimziAddonID
        self.fleetshardAddonID = fleetshardAddonID
        self.pollInterval = pollInterval
        self.resyncInterval = resyncInterval
        self.requestTimeout = requestTimeout
    }
}

/// A `ClusterProvider` over OpenShift Cluster Manager's clusters API, as the reference's `ocm` provider.
///
/// - `createCluster` looks the cluster up by its OCM name first (`mk-` + the row id, 15 characters at
///   most, or the row's `name`) and adopts it when it exists, so a lost answer never creates a second
///   cluster; otherwise it creates a managed, CCS, autoscaled cluster. The returned cluster carries
///   OCM's id as `clusterID` and its `externalID`.
/// - `provisioningState` maps OCM's `state`: `ready` is provisioned (with the default ingress's DNS
///   name), `error` failed (with OCM's provision error message), anything else still provisioning; a
///   cluster OCM does not know (404) failed.
/// - `terraform` installs the Strimzi and agent addons, the agent's with its parameters (SSO client id
///   and secret, control-plane URL, cluster id, intervals), updates those parameters when they
///   changed, and reports ready once OCM reports both addons `ready`.
/// - `deleteCluster` asks OCM to delete the cluster; it is gone when OCM answers 404.
///
/// Failures are `ProviderError`s (5xx, 429 and transport errors retryable).
public final class OCMClusterProvider: ClusterProvider {
    private let configuration: OCMConfiguration
    private let http: ProviderHTTP

    /// A provider sending through `httpClient` (shared, not shut down by the provider).
    public init(
        configuration: OCMConfiguration, httpClient: HTTPClient = .shared,
        logger: Logger = Logger(label: "kafkafleet.ocm")
    ) {
        self.configuration = configuration
        self.http = ProviderHTTP(provider: "ocm", client: httpClient, timeout: configuration.requestTimeout, logger: logger)
    }

    /// The OCM name of a cluster: its configured name, else `mk-` + its row id, cut to OCM's 15 characters.
    public static func ocmName(of cluster: DataPlaneCluster) -> String {
        cluster.name.isEmpty ? String("mk-\(cluster.id)".prefix(15)) : cluster.name
    }

    /// Adopts the cluster OCM has under the row's name, or creates it; returns the row with OCM's ids.
    public func createCluster(_ cluster: DataPlaneCluster) async throws -> DataPlaneCluster {
        let name = Self.ocmName(of: cluster)
        let found = try await send(.GET, "/clusters", query: [("search", "name = '\(name)'"), ("size", "1")])
        guard found.isSuccess else { throw http.failure(found, "find cluster \(name)") }
        if let existing = try found.decode(List<Cluster>.self, provider: http.provider).items.first {
            http.logger.debug("cluster exists; adopting it", metadata: ["name": "\(name)", "id": "\(existing.id)"])
            return adopted(cluster, existing)
        }
        guard let machineType = configuration.computeMachineTypes[cluster.cloudProvider] else {
            throw ProviderError(.rejected, provider: http.provider, "no compute machine type for cloud provider \(cluster.cloudProvider)")
        }
        let request = ClusterRequest(
            name: name, cloudProvider: .init(id: cluster.cloudProvider), region: .init(id: cluster.region),
            multiAZ: cluster.multiAZ, version: configuration.openShiftVersion.isEmpty ? nil : .init(id: configuration.openShiftVersion),
            nodes: .init(
                computeMachineType: .init(id: machineType),
                autoscaleCompute: .init(minReplicas: configuration.computeNodes.lowerBound, maxReplicas: configuration.computeNodes.upperBound)),
            aws: cluster.cloudProvider == "aws" ? configuration.awsAccount.map(ClusterRequest.AWS.init) : nil)
        let created = try await send(.POST, "/clusters", body: try http.json(request))
        guard created.isSuccess else { throw http.failure(created, "create cluster \(name)") }
        return adopted(cluster, try created.decode(Cluster.self, provider: http.provider))
    }

    /// OCM's state of the cluster, with its ingress DNS name once ready.
    public func provisioningState(of cluster: DataPlaneCluster) async throws -> ClusterProvisioningState {
        let response = try await send(.GET, "/clusters/\(percentEncode(cluster.clusterID))")
        if response.status == 404 { return .failed(reason: "cluster \(cluster.clusterID) does not exist in OCM") }
        guard response.isSuccess else { throw http.failure(response, "read cluster \(cluster.clusterID)") }
        let ocm = try response.decode(Cluster.self, provider: http.provider)
        switch ocm.state {
        case "ready":
            return .provisioned(clusterDNS: try await ingressDNS(of: ocm))
        case "error":
            let message = ocm.status?.provisionErrorMessage ?? ""
            return .failed(reason: message.isEmpty ? "OCM reports the cluster in state error" : message)
        default:
            return .provisioning
        }
    }

    /// Installs (or updates) the Strimzi and agent addons; returns whether OCM reports both ready.
    public func terraform(_ cluster: DataPlaneCluster, agentCredentials: ClientCredentials) async throws -> Bool {
        let path = "/clusters/\(percentEncode(cluster.clusterID))/addons"
        let listed = try await send(.GET, path)
        guard listed.isSuccess else { throw http.failure(listed, "list addons of cluster \(cluster.clusterID)") }
        let installed = try listed.decode(List<AddonInstallation>.self, provider: http.provider).items
        var agentParameters = [
            ("sso-client-id", agentCredentials.clientID), ("sso-secret", agentCredentials.clientSecret),
            ("control-plane-url", configuration.controlPlaneURL), ("cluster-id", cluster.clusterID),
            ("poll-interval", configuration.pollInterval), ("resync-interval", configuration.resyncInterval),
        ]
        if !configuration.ssoAuthServerURL.isEmpty { agentParameters.append(("sso-auth-server-url", configuration.ssoAuthServerURL)) }
        let wanted = [
            (configuration.strimziAddonID, [AddonInstallation.Parameter]()),
            (configuration.fleetshardAddonID, agentParameters.map { AddonInstallation.Parameter(id: $0.0, value: $0.1) }),
        ]
        var ready = true
        for (addonID, parameters) in wanted {
            guard let current = installed.first(where: { $0.addonID == addonID }) else {
                try await install(addonID, parameters: parameters, path: path)
                ready = false
                continue
            }
            if !parameters.isEmpty, Set(current.parameters?.items ?? []) != Set(parameters) {
                try await update(addonID, parameters: parameters, path: path)
            }
            ready = ready && current.state == "ready"
        }
        return ready
    }

    /// Asks OCM to delete the cluster; returns true once OCM no longer knows it.
    public func deleteCluster(_ cluster: DataPlaneCluster) async throws -> Bool {
        guard !cluster.clusterID.isEmpty else { return true }
        let response = try await send(.DELETE, "/clusters/\(percentEncode(cluster.clusterID))")
        if response.status == 404 { return true }
        guard response.isSuccess else { throw http.failure(response, "delete cluster \(cluster.clusterID)") }
        return false
    }

    // MARK: steps

    private func adopted(_ cluster: DataPlaneCluster, _ ocm: Cluster) -> DataPlaneCluster {
        var updated = cluster
        updated.clusterID = ocm.id
        updated.externalID = ocm.externalID ?? ""
        updated.name = ocm.name ?? Self.ocmName(of: cluster)
        if cluster.clientID == DataPlaneCluster.defaultClientID(forClusterID: cluster.clusterID) {
            updated.clientID = DataPlaneCluster.defaultClientID(forClusterID: ocm.id)
        }
        return updated
    }

    /// The DNS name of the default ingress, else `apps.<name>.<base domain>`, else unknown.
    private func ingressDNS(of ocm: Cluster) async throws(ProviderError) -> String? {
        let response = try await send(.GET, "/clusters/\(percentEncode(ocm.id))/ingresses")
        guard response.isSuccess else { throw http.failure(response, "list ingresses of cluster \(ocm.id)") }
        let ingresses = try response.decode(List<Ingress>.self, provider: http.provider).items
        if let dns = (ingresses.first(where: { $0.isDefault == true }) ?? ingresses.first)?.dnsName, !dns.isEmpty { return dns }
        guard let name = ocm.name, let base = ocm.dns?.baseDomain, !base.isEmpty else { return nil }
        return "apps.\(name).\(base)"
    }

    private func install(_ addonID: String, parameters: [AddonInstallation.Parameter], path: String) async throws(ProviderError) {
        let body = AddonRequest(addon: .init(id: addonID), parameters: parameters.isEmpty ? nil : .init(items: parameters))
        let response = try await send(.POST, path, body: try http.json(body))
        // 409: installed since the list was read; the next pass sees it.
        guard response.isSuccess || response.status == 409 else { throw http.failure(response, "install addon \(addonID)") }
    }

    private func update(_ addonID: String, parameters: [AddonInstallation.Parameter], path: String) async throws(ProviderError) {
        let body = AddonRequest(addon: nil, parameters: .init(items: parameters))
        let response = try await send(.PATCH, "\(path)/\(percentEncode(addonID))", body: try http.json(body))
        guard response.isSuccess else { throw http.failure(response, "update the parameters of addon \(addonID)") }
    }

    private func send(
        _ method: HTTPMethod, _ path: String, query: [(String, String)] = [], body: [UInt8]? = nil
    ) async throws(ProviderError) -> ProviderResponse {
        var url = trimmedBaseURL(configuration.baseURL) + "/api/clusters_mgmt/v1" + path
        if !query.isEmpty { url += "?" + queryString(query) }
        var headers = [("authorization", "Bearer \(configuration.token)"), ("accept", "application/json")]
        if body != nil { headers.append(("content-type", "application/json")) }
        return try await http.send(method, url, headers: headers, body: body)
    }

    // MARK: wire types

    /// A reference by id, e.g. `{"id": "aws"}`.
    private struct Link: Codable, Hashable {
        var id: String
    }

    /// An OCM list page.
    private struct List<Item: Decodable>: Decodable {
        var items: [Item]

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            items = try container.decodeIfPresent([Item].self, forKey: .items) ?? []
        }

        enum CodingKeys: String, CodingKey { case items }
    }

    private struct Cluster: Decodable {
        struct Status: Decodable {
            var provisionErrorMessage: String?
            enum CodingKeys: String, CodingKey { case provisionErrorMessage = "provision_error_message" }
        }

        struct DNS: Decodable {
            var baseDomain: String?
            enum CodingKeys: String, CodingKey { case baseDomain = "base_domain" }
        }

        var id: String
        var externalID: String?
        var name: String?
        var state: String?
        var status: Status?
        var dns: DNS?

        enum CodingKeys: String, CodingKey {
            case id, externalID = "external_id", name, state, status, dns
        }
    }

    private struct ClusterRequest: Encodable {
        struct Nodes: Encodable {
            struct Autoscale: Encodable {
                var minReplicas: Int
                var maxReplicas: Int
                enum CodingKeys: String, CodingKey { case minReplicas = "min_replicas", maxReplicas = "max_replicas" }
            }

            var computeMachineType: Link
            var autoscaleCompute: Autoscale
            enum CodingKeys: String, CodingKey {
                case computeMachineType = "compute_machine_type", autoscaleCompute = "autoscale_compute"
            }
        }

        struct CCS: Encodable { var enabled = true }

        struct AWS: Encodable {
            var accountID: String
            var accessKeyID: String
            var secretAccessKey: String

            init(_ account: OCMAWSAccount) {
                accountID = account.accountID
                accessKeyID = account.accessKeyID
                secretAccessKey = account.secretAccessKey
            }

            enum CodingKeys: String, CodingKey {
                case accountID = "account_id", accessKeyID = "access_key_id", secretAccessKey = "secret_access_key"
            }
        }

        var name: String
        var cloudProvider: Link
        var region: Link
        var multiAZ: Bool
        var version: Link?
        var nodes: Nodes
        var aws: AWS?
        var ccs = CCS()
        var managed = true

        enum CodingKeys: String, CodingKey {
            case name, cloudProvider = "cloud_provider", region, multiAZ = "multi_az", version, nodes, aws, ccs, managed
        }
    }

    private struct Ingress: Decodable {
        var dnsName: String?
        var isDefault: Bool?
        enum CodingKeys: String, CodingKey { case dnsName = "dns_name", isDefault = "default" }
    }

    private struct AddonInstallation: Decodable {
        struct Parameter: Codable, Hashable {
            var id: String
            var value: String
        }

        struct Parameters: Codable {
            var items: [Parameter]
        }

        var id: String?
        var addon: Link?
        var state: String?
        var parameters: Parameters?

        /// The addon's id: the installation's own id, which OCM sets to the addon's, or its link.
        var addonID: String? { addon?.id ?? id }
    }

    private struct AddonRequest: Encodable {
        var addon: Link?
        var parameters: AddonInstallation.Parameters?
    }
}
