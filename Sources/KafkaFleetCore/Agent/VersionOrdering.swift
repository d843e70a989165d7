/// Orders the version strings agents report: semantic-ish versions (`3.3.1`, `3.3`) by their numeric parts, and
/// Strimzi operator versions (`strimzi-cluster-operator.v0.32.0-3`) by their trailing `X.Y.Z-B`.
enum VersionOrdering {
    /// The numeric parts of a version, e.g. `[0, 32, 0, 3]` for `strimzi-cluster-operator.v0.32.0-3`.
    static func numericParts(_ version: String) -> [Int] {
        var parts: [Int] = []
        var current = ""
        for character in version {
            if character.isASCII && character.isNumber {
                current.append(character)
            } else if !current.isEmpty {
                parts.append(Int(current) ?? 0)
                current = ""
            }
        }
        if !current.isEmpty { parts.append(Int(current) ?? 0) }
        return parts
    }

    /// Whether `lhs` is an older version than `rhs`.
    static func isOlder(_ lhs: String, than rhs: String) -> Bool {
        let (a, b) = (numericParts(lhs), numericParts(rhs))
        for (x, y) in zip(a, b) where x != y { return x < y }
        return a.count != b.count ? a.count < b.count : lhs < rhs
    }

    /// Sorts Strimzi entries ascending, and each entry's version lists ascending.
    static func sorted(_ versions: [StrimziVersion]) -> [StrimziVersion] {
        versions.map { entry in
            var entry = entry
            entry.kafkaVersions.sort(by: isOlder)
            entry.kafkaIBPVersions.sort(by: isOlder)
            return entry
        }
        .sorted { isOlder($0.version, than: $1.version) }
    }
}
