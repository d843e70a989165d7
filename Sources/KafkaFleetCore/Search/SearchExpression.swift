/// The columns the `search` parameter of the kafka list may name (the reference's list).
public enum SearchColumn: String, Sendable, CaseIterable, Hashable {
    case region
    case name
    case cloudProvider = "cloud_provider"
    case status
    case owner
    case clusterID = "cluster_id"
    case instanceType = "instance_type"

    /// The column's value on a kafka, for evaluating an expression in memory.
    public func value(of kafka: KafkaRequest) -> String {
        switch self {
        case .region: kafka.region
        case .name: kafka.name
        case .cloudProvider: kafka.cloudProvider
        case .status: kafka.status.rawValue
        case .owner: kafka.owner
        case .clusterID: kafka.clusterID
        case .instanceType: kafka.instanceType
        }
    }
}

/// A comparison operator of the search language.
public enum SearchOperator: String, Sendable, Hashable, CaseIterable {
    /// `=`: equal, case-sensitive.
    case equal = "="
    /// `<>`: not equal, case-sensitive.
    case notEqual = "<>"
    /// `like`: SQL pattern (`%`, `_`), case-sensitive.
    case like
    /// `ilike`: SQL pattern (`%`, `_`), case-insensitive.
    case ilike
}

/// A parsed `search` query: a typed tree that stores render as bound parameters or evaluate in memory,
/// never as text spliced into SQL.
public indirect enum SearchExpression: Sendable, Hashable {
    /// `column op 'value'`.
    case comparison(SearchColumn, SearchOperator, String)
    /// `column in (...)`, or `column not in (...)` when `negated`.
    case membership(SearchColumn, [String], negated: Bool)
    /// Both sides hold.
    case and(SearchExpression, SearchExpression)
    /// Either side holds.
    case or(SearchExpression, SearchExpression)

    /// Whether `kafka` satisfies the expression, with SQL's semantics for `like` and `ilike`.
    public func matches(_ kafka: KafkaRequest) -> Bool {
        switch self {
        case let .comparison(column, op, value):
            let actual = column.value(of: kafka)
            switch op {
            case .equal: return actual == value
            case .notEqual: return actual != value
            case .like: return SQLPattern(value).matches(actual)
            case .ilike: return SQLPattern(value.lowercased()).matches(actual.lowercased())
            }
        case let .membership(column, values, negated):
            return values.contains(column.value(of: kafka)) != negated
        case let .and(lhs, rhs):
            return lhs.matches(kafka) && rhs.matches(kafka)
        case let .or(lhs, rhs):
            return lhs.matches(kafka) || rhs.matches(kafka)
        }
    }
}

/// An SQL `LIKE` pattern: `%` matches any run of characters, `_` exactly one.
struct SQLPattern {
    private let pattern: [Character]

    init(_ pattern: String) { self.pattern = Array(pattern) }

    func matches(_ text: String) -> Bool {
        let text = Array(text)
        var memo = [Int: Bool]()
        func match(_ p: Int, _ t: Int) -> Bool {
            let key = p * (text.count + 1) + t
            if let known = memo[key] { return known }
            let result: Bool
            if p == pattern.count {
                result = t == text.count
            } else if pattern[p] == "%" {
                result = match(p + 1, t) || (t < text.count && match(p, t + 1))
            } else if t < text.count, pattern[p] == "_" || pattern[p] == text[t] {
                result = match(p + 1, t + 1)
            } else {
                result = false
            }
            memo[key] = result
            return result
        }
        return match(0, 0)
    }
}
