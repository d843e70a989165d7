public import KafkaFleetCore

extension InMemoryFleetStore: ServiceAccountStore {
    public func insertServiceAccount(_ account: StoredServiceAccount) -> Bool {
        let taken = serviceAccountRows[account.account.id] != nil
            || serviceAccountRows.values.contains { $0.account.clientID == account.account.clientID }
        if taken { return false }
        serviceAccountRows[account.account.id] = account
        return true
    }

    public func serviceAccount(id: String) -> StoredServiceAccount? { serviceAccountRows[id] }

    public func serviceAccount(clientID: String) -> StoredServiceAccount? {
        serviceAccountRows.values.first { $0.account.clientID == clientID }
    }

    public func serviceAccounts(organisationID: String) -> [StoredServiceAccount] {
        serviceAccountRows.values
            .filter { $0.account.organisationID == organisationID }
            .sorted { ($0.account.createdAt, $0.account.id) < ($1.account.createdAt, $1.account.id) }
    }

    public func replaceServiceAccountSecret(id: String, secretSHA256: String) -> Bool {
        guard serviceAccountRows[id] != nil else { return false }
        serviceAccountRows[id]?.secretSHA256 = secretSHA256
        return true
    }

    public func deleteServiceAccount(id: String) -> Bool {
        serviceAccountRows.removeValue(forKey: id) != nil
    }
}
